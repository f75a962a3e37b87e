import { startTestApi, TestApi } from './support/test-api';

/** The whole path over HTTP: command → decider → event store → projection → read model → query. */
describe('goal lifecycle over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    api.http().post(`/api/v1${path}`).set(headers).send(body as object);
  const get = (path: string) => api.http().get(`/api/v1${path}`);

  it('registers a network, runs a cycle, defines, concretises, measures, reviews and reorients goals', async () => {
    const network = await post('/networks', {
      name: 'Netzwerk Frühe Hilfen Kreis Viersen',
      region: 'Kreis Viersen',
      responsibleBody: 'Kreisjugendamt Viersen',
      municipalities: ['Brüggen', 'Grefrath', 'Tönisvorst'],
      programme: 'kinderstark – NRW schafft Chancen',
      registeredOn: '2016-01-01',
    }).expect(201);
    expect(network.body).toEqual({ id: expect.any(String), version: 0, position: expect.stringMatching(/^\d+\.\d+$/) });
    expect(network.headers.etag).toBe('"0"');
    const networkId = network.body.id;
    await api.grant('coordinator', networkId);

    const cycle = await post(`/networks/${networkId}/cycles`, {
      title: 'Qualitätskreislauf 2026',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      openedOn: '2026-01-10',
    }).expect(201);
    const cycleId = cycle.body.id;
    expect(cycle.body.version).toBe(1);

    await post(`/cycles/${cycleId}/phases`, { phase: 'leitbild', enteredOn: '2026-01-20' }).expect(200);
    // The leitbild phase ends only with an adopted Leitbild, and an adoption rests on a body's decision.
    const tooEarly = await post(`/cycles/${cycleId}/phases`, { phase: 'steering', enteredOn: '2026-03-10' }).expect(422);
    expect(tooEarly.body.code).toBe('leitbild.not_adopted');
    const decisionId = await adoptionDecision(networkId, '2026-02-20');
    const draft = await post(`/networks/${networkId}/leitbild/versions`, {
      vision: 'Jedes Kind wächst gesund und geschützt auf.',
      principles: [{ key: 'P1', text: 'Familien finden früh Unterstützung.' }],
      draftedOn: '2026-02-01',
    }).expect(201);
    expect(draft.body.leitbildVersion).toBe(1);
    await post(`/networks/${networkId}/leitbild/versions/1/adoption`, { adoptedOn: '2026-02-20', decisionId }).expect(200);
    const steering = await post(`/cycles/${cycleId}/phases`, { phase: 'steering', enteredOn: '2026-03-10' }).expect(200);

    const read = await get(`/networks/${networkId}?after=${steering.body.position}`).expect(200);
    expect(read.body).toMatchObject({
      id: networkId,
      name: 'Netzwerk Frühe Hilfen Kreis Viersen',
      municipalities: ['Brüggen', 'Grefrath', 'Tönisvorst'],
      openCycleId: cycleId,
      cycles: [{ id: cycleId, status: 'open', currentPhase: 'steering' }],
    });
    expect(read.headers.etag).toBe('"5"');

    const strategic = await post(`/networks/${networkId}/goals`, {
      cycleId,
      level: 'strategic',
      title: 'Familien früh erreichen',
      description: 'Angebote für Familien mit Kindern von 0 bis 3 Jahren',
      qualityGoals: ['outreach', 'strengthen_parents_children'],
      reviewIntervalDays: 180,
      definedOn: '2026-03-10',
    }).expect(201);
    const strategicId = strategic.body.id;

    const defineOperational = (title: string) =>
      post(`/networks/${networkId}/goals`, {
        cycleId,
        level: 'operational',
        parentGoalId: strategicId,
        title,
        description: '',
        qualityGoals: ['participation'],
        lifePhase: 'age_0_3',
        district: 'Tönisvorst',
        reviewIntervalDays: 90,
        definedOn: '2026-03-10',
      }).expect(201);
    const cafes = (await defineOperational('Familiencafés anbieten')).body.id;
    const midwives = (await defineOperational('Wartezeit auf Familienhebammen verkürzen')).body.id;

    await post(`/cycles/${cycleId}/phases`, { phase: 'concretisation', enteredOn: '2026-04-01' }).expect(200);
    await post(`/goals/${cafes}/concretisations`, {
      indicators: [
        { key: 'cafes', name: 'Kommunen mit Familiencafé', unit: 'Kommunen', baseline: 3, target: 9, direction: 'increase', dueOn: '2026-12-31', impactLevel: 'output' },
      ],
      measures: [{ title: 'Elterncafé', responsibleOrganisation: 'Familienzentrum Tönisvorst', startsOn: '2026-04-01', endsOn: '2026-12-31' }],
      concretisedOn: '2026-04-01',
    }).expect(200);
    await post(`/goals/${midwives}/concretisations`, {
      indicators: [
        { key: 'waiting_days', name: 'Wartezeit', unit: 'Tage', baseline: 42, target: 14, direction: 'decrease', dueOn: '2026-12-31', impactLevel: 'outcome' },
      ],
      measures: [],
      concretisedOn: '2026-04-01',
    }).expect(200);
    await post(`/goals/${cafes}/measurements`, { indicatorKey: 'cafes', value: 6, measuredOn: '2026-06-30', source: 'Übersicht' }).expect(200);
    const measured = await post(`/goals/${midwives}/measurements`, { indicatorKey: 'waiting_days', value: 35, measuredOn: '2026-06-30', source: 'Statistik' }).expect(200);

    const cafeGoal = await get(`/goals/${cafes}?after=${measured.body.position}`).expect(200);
    expect(cafeGoal.body.indicators).toEqual([
      expect.objectContaining({ key: 'cafes', baseline: 3, latestValue: 6, target: 9, progressPercent: 50 }),
    ]);
    expect(cafeGoal.body.measures).toEqual([expect.objectContaining({ title: 'Elterncafé', responsibleOrganisation: 'Familienzentrum Tönisvorst' })]);
    expect(cafeGoal.body.progressPercent).toBe(50);

    const board = await get(`/networks/${networkId}/cycle-board?after=${measured.body.position}`).expect(200);
    expect(board.body.cycle).toMatchObject({ id: cycleId, currentPhase: 'concretisation' });
    expect(board.body.goals).toHaveLength(1);
    expect(board.body.goals[0]).toMatchObject({ id: strategicId, level: 'strategic', progressPercent: 37.5, nextReviewOn: '2026-09-06' });
    expect(board.body.goals[0].children.map((goal: { id: string; progressPercent: number }) => [goal.id, goal.progressPercent])).toEqual(
      expect.arrayContaining([
        [cafes, 50],
        [midwives, 25],
      ]),
    );

    const due = await get(`/networks/${networkId}/reviews-due?on=2026-06-08&after=${measured.body.position}`).expect(200);
    expect(due.body.items.map((goal: { goalId: string }) => goal.goalId).sort()).toEqual([cafes, midwives].sort());
    const notYet = await get(`/networks/${networkId}/reviews-due?on=2026-06-07`).expect(200);
    expect(notYet.body).toEqual({ items: [], nextCursor: null });

    await post(`/cycles/${cycleId}/phases`, { phase: 'reflection', enteredOn: '2026-09-01' }).expect(200);
    await post(`/goals/${cafes}/reviews`, { reviewedOn: '2026-09-10', assessment: 'on_track', evidence: 'Sechs von neun Kommunen' }).expect(200);
    const reviewed = await post(`/goals/${midwives}/reviews`, { reviewedOn: '2026-09-10', assessment: 'at_risk', evidence: 'Nur 7 Tage weniger' }).expect(200);

    const adjusted = await post(`/goals/${midwives}/reorientations`, {
      decision: 'adjust',
      rationale: 'Engerer Blick: vierteljährlich prüfen',
      reorientedOn: '2026-09-12',
      changes: { reviewIntervalDays: 60, title: 'Wartezeit auf Familienhebammen deutlich verkürzen' },
    }).expect(200);
    expect(adjusted.headers.etag).toBe(`"${reviewed.body.version + 1}"`);

    const replaced = await post(`/goals/${cafes}/reorientations`, {
      decision: 'replace',
      rationale: 'Familiencafés laufen; jetzt geht es um Väter',
      reorientedOn: '2026-09-12',
      replacement: { title: 'Väter in den Familiencafés erreichen', description: '', qualityGoals: ['participation', 'equity'], reviewIntervalDays: 90 },
    }).expect(200);
    const replacementId = replaced.body.replacementGoalId;
    expect(replacementId).toEqual(expect.any(String));

    const retiredReview = await post(`/goals/${midwives}/reviews`, { reviewedOn: '2026-11-01', assessment: 'achieved', evidence: 'Ziel erreicht' }).expect(200);
    const retired = await post(`/goals/${midwives}/reorientations`, { decision: 'retire', rationale: 'Erreicht', reorientedOn: '2026-11-02' }).expect(200);
    expect(retired.body.version).toBe(retiredReview.body.version + 1);

    const midwifeGoal = await get(`/goals/${midwives}?after=${retired.body.position}`).expect(200);
    expect(midwifeGoal.body).toMatchObject({
      status: 'retired',
      title: 'Wartezeit auf Familienhebammen deutlich verkürzen',
      reviewIntervalDays: 60,
      lastAssessment: 'achieved',
      nextReviewOn: null,
    });
    expect(midwifeGoal.body.reorientations.map((r: { decision: string }) => r.decision)).toEqual(['adjust', 'retire']);
    expect(midwifeGoal.body.reviews).toHaveLength(2);

    const oldCafe = await get(`/goals/${cafes}`).expect(200);
    expect(oldCafe.body).toMatchObject({ status: 'replaced', replacedByGoalId: replacementId });
    const newCafe = await get(`/goals/${replacementId}?after=${retired.body.position}`).expect(200);
    expect(newCafe.body).toMatchObject({
      title: 'Väter in den Familiencafés erreichen',
      parentGoalId: strategicId,
      cycleId,
      level: 'operational',
      replacesGoalId: cafes,
      definedOn: '2026-09-12',
    });

    const history = await get(`/goals/${midwives}/history`).expect(200);
    expect(history.body.nextCursor).toBeNull();
    expect(history.body.items.map((entry: { type: string }) => entry.type)).toEqual([
      'GoalDefined',
      'GoalConcretised',
      'MeasurementRecorded',
      'GoalReviewed',
      'GoalReoriented',
      'GoalReviewed',
      'GoalReoriented',
    ]);
    expect(history.body.items[4]).toMatchObject({
      version: 4,
      type: 'GoalReoriented',
      occurredAt: '2026-09-12',
      actor: { userId: 'u-coord', name: 'Anna Koordination', role: 'coordinator' },
      reason: 'Engerer Blick: vierteljährlich prüfen',
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // what each event changed, typed by its event type: an adjustment with its fields before and after
    expect(history.body.items[4].change).toEqual({
      reorientedOn: '2026-09-12',
      decision: 'adjust',
      rationale: 'Engerer Blick: vierteljährlich prüfen',
      adjusted: {
        before: { title: 'Wartezeit auf Familienhebammen verkürzen', reviewIntervalDays: 90 },
        after: { title: 'Wartezeit auf Familienhebammen deutlich verkürzen', reviewIntervalDays: 60 },
      },
      replacementGoalId: null,
      status: 'active',
    });
    expect(history.body.items[2].change).toEqual({ indicatorKey: 'waiting_days', indicatorName: 'Wartezeit', value: 35, measuredOn: '2026-06-30', source: 'Statistik' });
    expect(history.body.items[6].change).toMatchObject({ decision: 'retire', adjusted: null, status: 'retired' });
    expect(history.body.items[0]).not.toHaveProperty('data');

    // a page at a time: the cursor of one page gives the entries after it
    const first = await get(`/goals/${midwives}/history?limit=3`).expect(200);
    expect(first.body.items.map((entry: { version: number }) => entry.version)).toEqual([0, 1, 2]);
    const second = await get(`/goals/${midwives}/history?limit=3&cursor=${first.body.nextCursor}`).expect(200);
    const third = await get(`/goals/${midwives}/history?limit=3&cursor=${second.body.nextCursor}`).expect(200);
    expect([...first.body.items, ...second.body.items, ...third.body.items]).toEqual(history.body.items);
    expect(third.body.nextCursor).toBeNull();
    expect((await get(`/goals/${midwives}/history?cursor=bm9wZQ`).expect(400)).body).toMatchObject({ code: 'validation.failed', errors: [{ field: 'cursor' }] });

    // A cycle closes only when every active goal has a review and a reorientation in it.
    const refused = await post(`/cycles/${cycleId}/close`, { closedOn: '2026-12-01' }).expect(422);
    expect(refused.body.code).toBe('cycle.goals_not_reoriented');
    expect(refused.body.goalIds).toEqual(expect.arrayContaining([strategicId]));
    for (const goalId of refused.body.goalIds as string[]) {
      await post(`/goals/${goalId}/reviews`, { reviewedOn: '2026-11-20', assessment: 'on_track', evidence: 'Jahresgespräch' }).expect(200);
      await post(`/goals/${goalId}/reorientations`, { decision: 'continue', rationale: 'Weiter so', reorientedOn: '2026-11-21' }).expect(200);
    }
    const closed = await post(`/cycles/${cycleId}/close`, { closedOn: '2026-12-01' }).expect(200);
    const afterClose = await get(`/networks/${networkId}?after=${closed.body.position}`).expect(200);
    expect(afterClose.body).toMatchObject({ openCycleId: null, cycles: [{ id: cycleId, status: 'closed', closedOn: '2026-12-01' }] });

    // The next cycle carries the active goals over with their history; the board of each cycle shows them.
    const next = await post(`/networks/${networkId}/cycles`, { title: 'Qualitätskreislauf 2027', periodFrom: '2027-01-01', periodTo: '2027-12-31', openedOn: '2027-01-05' }).expect(201);
    const nextBoard = await get(`/networks/${networkId}/cycle-board?after=${next.body.position}`).expect(200);
    const carried = [strategicId, ...(refused.body.goalIds as string[])];
    expect(nextBoard.body.cycle.id).toBe(next.body.id);
    expect(nextBoard.body.goals.map((goal: { id: string }) => goal.id)).toEqual(expect.arrayContaining([strategicId]));
    const overview = await get(`/networks/${networkId}/cycles`).expect(200);
    expect(overview.body.items.map((entry: { cycle: { id: string } }) => entry.cycle.id)).toEqual([cycleId, next.body.id]);
    expect(overview.body.items[0].summary.reorientations).toMatchObject({ adjust: 1, replace: 1, retire: 1 });
    expect(overview.body.items[1].planned).toEqual([]);
    const carriedOver = overview.body.items[1].carriedOver.map((goal: { goalId: string }) => goal.goalId);
    expect(carriedOver).toEqual(expect.arrayContaining(carried));
    expect(carriedOver).not.toContain(midwives); // retired
    expect(carriedOver).not.toContain(cafes); // replaced
    const carriedGoal = await get(`/goals/${strategicId}`).expect(200);
    expect(carriedGoal.body).toMatchObject({ cycleId: next.body.id, cycleIds: [cycleId, next.body.id] });
  });

  /** A steering group with one member meets on the day and records a decision to adopt the Leitbild. */
  async function adoptionDecision(networkId: string, on: string): Promise<string> {
    const member = await post(`/networks/${networkId}/organisations`, {
      name: 'Kreisjugendamt Viersen',
      sector: 'authority',
      namedInKkg: true,
      tasks: '',
      mandates: '',
      roles: '',
      resources: '',
      limits: '',
      joinedOn: '2016-01-01',
    }).expect(201);
    const body = await post(`/networks/${networkId}/bodies`, {
      kind: 'steering_group',
      name: 'Steuerungsgruppe',
      meetingsPerYear: 5,
      members: [{ organisationId: member.body.id }],
      establishedOn: '2016-01-01',
    }).expect(201);
    const meeting = await post(`/bodies/${body.body.id}/meetings`, { scheduledFor: on, title: 'Steuerungsgruppe' }).expect(201);
    await post(`/meetings/${meeting.body.id}/attendance`, { heldOn: on, attendance: [member.body.id] }).expect(200);
    const decision = await post(`/meetings/${meeting.body.id}/decisions`, { text: 'Das Leitbild wird beschlossen.', subject: 'leitbild_adoption' }).expect(201);
    return decision.body.id;
  }
});

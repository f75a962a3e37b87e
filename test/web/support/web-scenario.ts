import { NZFH_FRAMEWORK_ID } from '@kreislauf/domain';
import { TestApi } from '../../support/test-api';

export interface WebScenario {
  networkId: string;
  cycleId: string;
  strategicId: string;
  /** Concretised, measured, and due for review since long: the board lists it as overdue. */
  overdueId: string;
  /** Concretised and measured, reviewed ten days ago. */
  reviewedId: string;
  bodyId: string;
  meetingId: string;
  /** An open self-assessment round on the NZFH dimension "Netzwerk": raters u-petra (who signs in) and u-jonas, who has rated. */
  assessmentId: string;
}

/** Development goals of the round that the tests rate. */
export const ASSESSMENT_ITEMS = { steering: 'network.actors.strategic_steering', review: 'network.goals.review_system', materials: 'network.public_relations.materials' } as const;

/**
 * A network as a coordination would have entered it over the last year: members, a steering group that met and
 * decided, offers, and the open cycle in its concretisation phase with a strategic goal and two operational
 * goals. Dates lie in the year before the clock's, so that today is inside the cycle and the reviews are due.
 */
export async function webScenario(api: TestApi): Promise<WebScenario> {
  const year = new Date().getUTCFullYear() - 1;
  const day = (monthDay: string) => `${year}-${monthDay}`;
  const post = async (path: string, body: object): Promise<{ id: string; version: number; position: string }> => {
    const response = await api.http().post(`/api/v1${path}`).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  const networkId = (
    await post('/networks', {
      name: 'Netzwerk Frühe Hilfen Musterstadt',
      region: 'Musterkreis',
      responsibleBody: 'Jugendamt Musterstadt',
      municipalities: ['Nord', 'Mitte', 'Süd'],
      programme: 'kinderstark – NRW schafft Chancen',
      registeredOn: `${year - 3}-01-01`,
    })
  ).id;
  await api.grant('coordinator', networkId);
  const organisation = (name: string, sector: string, tasks: string) =>
    post(`/networks/${networkId}/organisations`, {
      name,
      sector,
      namedInKkg: false,
      tasks,
      mandates: '',
      roles: '',
      resources: '',
      limits: '',
      contactPerson: { name: 'Petra Beispiel', email: 'petra@example.org' },
      joinedOn: `${year - 3}-01-01`,
    });
  const kita = (await organisation('Familienzentrum Nord', 'day_care', 'Kindertagesbetreuung, Elterncafé')).id;
  const health = (await organisation('Gesundheitsamt Musterkreis', 'health', 'Familienhebammen, Beratung')).id;
  const bodyId = (
    await post(`/networks/${networkId}/bodies`, {
      kind: 'steering_group',
      name: 'Steuerungsgruppe Frühe Hilfen',
      meetingsPerYear: 4,
      members: [
        { organisationId: kita, representative: { name: 'Petra Beispiel' } },
        { organisationId: health, representative: { name: 'Jonas Muster' } },
      ],
      establishedOn: `${year - 3}-01-01`,
    })
  ).id;
  const meetingId = (await post(`/bodies/${bodyId}/meetings`, { scheduledFor: day('01-20'), title: 'Steuerungsgruppe: Leitbild und Ziele' })).id;
  await post(`/meetings/${meetingId}/attendance`, { heldOn: day('01-20'), attendance: [kita, health] });
  const leitbildDecision = (await post(`/meetings/${meetingId}/decisions`, { text: 'Die Steuerungsgruppe beschließt das Leitbild.', subject: 'leitbild_adoption' })).id;
  await post(`/meetings/${meetingId}/decisions`, { text: 'Die Steuerungsgruppe überprüft die Ziele halbjährlich.', subject: 'goal_review' });
  for (const [title, provider, districts] of [
    ['Elterncafé', kita, ['Nord', 'Mitte']],
    ['Familienhebammen', health, ['Nord', 'Mitte', 'Süd']],
  ] as const) {
    await post(`/networks/${networkId}/offers`, {
      title,
      description: '',
      providerOrganisationId: provider,
      lifePhases: ['age_0_3'],
      districts,
      targetGroups: ['Eltern'],
      startsOn: `${year - 1}-01-01`,
      endsOn: null,
      listedOn: `${year - 1}-01-01`,
    });
  }

  const cycleId = (await post(`/networks/${networkId}/cycles`, { title: `Qualitätskreislauf ${year}/${year + 1}`, periodFrom: day('01-01'), periodTo: `${year + 1}-12-31`, openedOn: day('01-05') })).id;
  await post(`/cycles/${cycleId}/phases`, { phase: 'leitbild', enteredOn: day('01-06') });
  await post(`/networks/${networkId}/leitbild/versions`, { vision: 'Alle Kinder in Musterstadt wachsen gut auf.', principles: [{ key: 'P1', text: 'Familien wirken mit.' }], draftedOn: day('01-10') });
  await post(`/networks/${networkId}/leitbild/versions/1/adoption`, { adoptedOn: day('01-20'), decisionId: leitbildDecision });
  await post(`/cycles/${cycleId}/phases`, { phase: 'steering', enteredOn: day('02-01') });
  const goal = (title: string, level: 'strategic' | 'operational', parentGoalId?: string) =>
    post(`/networks/${networkId}/goals`, {
      cycleId,
      level,
      ...(parentGoalId ? { parentGoalId } : {}),
      title,
      description: level === 'strategic' ? 'Familien mit kleinen Kindern finden früh Unterstützung.' : '',
      qualityGoals: ['outreach', 'strengthen_parents_children'],
      lifePhase: 'age_0_3',
      reviewIntervalDays: 90,
      definedOn: day('02-10'),
    });
  const strategicId = (await goal('Familien früh erreichen', 'strategic')).id;
  const overdueId = (await goal('Elterncafés in allen Stadtteilen anbieten', 'operational', strategicId)).id;
  const reviewedId = (await goal('Wartezeit auf Familienhebammen verkürzen', 'operational', strategicId)).id;
  await post(`/cycles/${cycleId}/phases`, { phase: 'concretisation', enteredOn: day('03-01') });
  await post(`/goals/${overdueId}/concretisations`, {
    indicators: [{ key: 'cafes', name: 'Stadtteile mit Elterncafé', unit: 'Stadtteile', baseline: 1, target: 3, direction: 'increase', dueOn: `${year + 1}-06-30`, impactLevel: 'output' }],
    measures: [{ title: 'Elterncafé im Familienzentrum', responsibleOrganisation: 'Familienzentrum Nord', startsOn: day('03-01'), endsOn: `${year + 1}-06-30` }],
    concretisedOn: day('03-01'),
  });
  await post(`/goals/${overdueId}/measurements`, { indicatorKey: 'cafes', value: 2, measuredOn: day('04-30'), source: 'Übersicht der Koordination' });
  await post(`/goals/${reviewedId}/concretisations`, {
    indicators: [{ key: 'waiting_days', name: 'Wartezeit', unit: 'Tage', baseline: 42, target: 14, direction: 'decrease', dueOn: `${year + 1}-06-30`, impactLevel: 'outcome' }],
    measures: [],
    concretisedOn: day('03-01'),
  });
  await post(`/goals/${reviewedId}/measurements`, { indicatorKey: 'waiting_days', value: 35, measuredOn: day('04-30'), source: 'Statistik des Gesundheitsamts' });
  await post(`/goals/${reviewedId}/measurements`, { indicatorKey: 'waiting_days', value: 28, measuredOn: day('08-31'), source: 'Statistik des Gesundheitsamts' });

  // The self-assessment: the person who signs in in the browser and a steering group member rate; Jonas already has.
  await post(`/networks/${networkId}/role-grants`, { userId: 'u-petra', role: 'coordinator', on: day('01-05') });
  await post(`/networks/${networkId}/role-grants`, { userId: 'u-jonas', role: 'steering', on: day('01-05') });
  const assessmentId = (
    await post(`/networks/${networkId}/assessments`, {
      cycleId,
      frameworkId: NZFH_FRAMEWORK_ID,
      frameworkVersion: 1,
      dimensionKeys: ['network'],
      raters: ['u-petra', 'u-jonas'],
      visibility: 'named',
      openedOn: day('09-01'),
    })
  ).id;
  const jonas = await api.tokenFor({ userId: 'u-jonas', displayName: 'Jonas Steuerung', roles: [`steering@${networkId}`] });
  const rated = await api
    .anonymous()
    .post(`/api/v1/assessments/${assessmentId}/ratings`)
    .auth(jonas, { type: 'bearer' })
    .send({
      ratings: [
        { itemKey: ASSESSMENT_ITEMS.steering, rating: 'largely_reached' },
        { itemKey: ASSESSMENT_ITEMS.review, rating: 'not_reached', comment: 'Ein gemeinsames Zielsystem fehlt noch.' },
        { itemKey: ASSESSMENT_ITEMS.materials, rating: 'cannot_judge' },
      ],
      ratedOn: day('09-02'),
    });
  if (rated.status !== 200) throw new Error(`ratings: ${rated.status} ${JSON.stringify(rated.body)}`);

  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const last = await post(`/goals/${reviewedId}/reviews`, { reviewedOn: tenDaysAgo, assessment: 'on_track', evidence: 'Die Wartezeit ist um ein Drittel kürzer.' });
  // The board is read at the last write's position, so the browser sees the whole scenario.
  await api.http().get(`/api/v1/networks/${networkId}/cycle-board?after=${last.position}`).expect(200);
  return { networkId, cycleId, strategicId, overdueId, reviewedId, bodyId, meetingId, assessmentId };
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelPositions } from '@kreislauf/storage';
import type { Response } from 'supertest';
import { ROLES } from '../apps/api/src/access/access-policy';
import { DEMO_NETWORK_ID, demoCycle } from '../apps/api/src/demo/demo-network';
import { demoWritesOf } from '../apps/api/src/demo/demo-writes';
import { loadDemoNetworks } from '../apps/api/src/demo/load-demo';
import { PersonalDataVault } from '../apps/api/src/people/personal-data-vault';
import { startTestApi, TestApi } from './support/test-api';

/** Where tests leave files for a person to look at (git-ignored). */
const REPORT_ARTIFACTS = join(__dirname, '..', 'test-artifacts', 'reports');

const binary = (request: import('supertest').Test) =>
  request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Text and page count of a PDF through poppler-utils, and one page (the first unless named) as PNG. */
function inspectPdf(pdf: Buffer, pngPath?: string, pageWith?: string): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kreislauf-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    if (pngPath) {
      const pageText = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
      const page = pageWith ? (Array.from({ length: pages }, (_, index) => index + 1).find((candidate) => pageText(candidate).includes(pageWith)) ?? 1) : 1;
      mkdirSync(join(pngPath, '..'), { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', file, pngPath.replace(/\.png$/, '')]);
    }
    return { text, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One network through a year, built over HTTP, whose report figures are worked out by hand below.
 *
 * Period 2026-01-01 … 2026-12-31. Goals (all defined 2026-02-10 on decision D1, cycle "Qualitätskreislauf 2026"):
 *   S1 strategic "Familien früh erreichen" [outreach, strengthen_parents_children]
 *   O1 "Kitas im Arbeitskreis" [multiprofessional_cooperation], indicator kitas 6 → 12 (increase):
 *      measured 7 (2026-03-31), 9 (2026-09-30)  → (9 − 6) / (12 − 6) = 50 %, change +3, improving
 *   O2 "Wartezeit auf Familienhebammen verkürzen" [outreach], indicator waiting_days 42 → 14 (decrease):
 *      measured 35 (2026-06-30)                  → (35 − 42) / (14 − 42) = 7 / 28 = 25 %, change −7, improving;
 *      adjusted 2026-11-05 to "… deutlich verkürzen"
 *   O3 "Elterncafé anbieten" [participation], indicator cafes 2 → 6: measured 4 (2026-05-31) → 50 %;
 *      replaced 2026-11-05 by O4 "Väter im Elterncafé erreichen" [participation, equity], no indicators
 *   O5 "Sprachförderung bündeln" [smooth_transitions], reviewed 2026-03-01 not_assessable, retired 2026-03-02
 * At the end: 6 goals, active S1 O1 O2 O4 = 4, retired 1 (O5), replaced 1 (O3).
 * Average progress of the active operational goals with indicators: (50 + 25) / 2 = 37.5 %; S1 the same.
 * Last assessments: S1 on_track, O1 on_track, O2 off_track (11-05), O3 achieved (11-05), O4 none, O5 not_assessable
 *   → achieved 1, on_track 2, at_risk 0, off_track 1, not_assessable 1, not_reviewed 1.
 * Reviews in the period: O5 (03-01); S1, O1, O2, O3 (06-20); O2, O3 (11-05) = 7. Reorientations: O5 retire,
 *   O1 continue, O2 adjust, O3 replace = 4.
 * Steering group (5 a year, since 2025): held 2026-02-10, 06-20, 11-05 → 3 of 5·365/365 = 5 → below cadence;
 *   a meeting of 2025-11-20 lies before the period. Working group (4 a year, established 2026-07-01): window
 *   184 days → ⌊4·184/365⌋ = ⌊2.016⌋ = 2, held 09-01 and 12-01 → at cadence. Meetings held: 5.
 * Decisions in the period: D1 (02-10), D2 and D3 (06-20), D4 (11-05) = 4; D0 (2025-11-20) lies before.
 * Leitbild: v1 adopted 2025-11-20 (D0), v2 adopted 2026-06-20 (D2) → v2 in force, adopted in the period.
 * Organisations: Kita Vingst joined 2026-02-01; Jugendamt Köln left 2026-10-31.
 * Offers on 2026-12-31 over the districts Kalk and Vingst (6 life phases × 2 = 12 cells): Elterncafé and Babytreff
 *   (age 0–3, Kalk, "Eltern") and Sprachkita (age 3–6, Vingst) → 3 offers, 2 covered cells, 10 gaps,
 *   one possible duplicate (age_0_3, Kalk, Eltern).
 */
describe('reports over HTTP', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};
  const PERIOD = 'from=2026-01-01&to=2026-12-31';

  const post = async (path: string, body: object): Promise<Response> => {
    const response = await api.http().post(`/api/v1${path}`).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };
  const get = (path: string) => api.http().get(`/api/v1${path}`);

  beforeAll(async () => {
    api = await startTestApi();
    const networkId = (
      await post('/networks', {
        name: 'Kalker Netzwerk für Familien',
        region: 'Köln',
        responsibleBody: 'Jugendamt Köln',
        municipalities: ['Kalk', 'Vingst'],
        programme: 'kinderstark – NRW schafft Chancen',
        registeredOn: '2025-01-01',
      })
    ).body.id;
    ids.network = networkId;
    await api.grant('coordinator', networkId);
    const organisation = (name: string, sector: string, joinedOn: string) =>
      post(`/networks/${networkId}/organisations`, {
        name,
        sector,
        namedInKkg: false,
        tasks: '',
        mandates: '',
        roles: '',
        resources: '',
        limits: '',
        contactPerson: { name: 'Petra Beispiel', email: 'petra@example.org' },
        joinedOn,
      }).then((response) => response.body.id as string);
    ids.familyCentre = await organisation('Familienzentrum Kalk', 'day_care', '2025-01-10');
    ids.youthOffice = await organisation('Jugendamt Köln', 'authority', '2025-01-10');
    ids.kita = await organisation('Kita Vingst', 'day_care', '2026-02-01');
    await post(`/organisations/${ids.youthOffice}/departure`, { leftOn: '2026-10-31', reason: 'Aufgabe an den Träger übergeben' });

    const steering = (
      await post(`/networks/${networkId}/bodies`, {
        kind: 'steering_group',
        name: 'Steuerungsgruppe',
        meetingsPerYear: 5,
        members: [{ organisationId: ids.familyCentre, representative: { name: 'Petra Beispiel' } }],
        establishedOn: '2025-01-15',
      })
    ).body.id;
    const workingGroup = (
      await post(`/networks/${networkId}/bodies`, {
        kind: 'working_group',
        name: 'Arbeitskreis Kitas',
        meetingsPerYear: 4,
        members: [{ organisationId: ids.familyCentre }, { organisationId: ids.kita }],
        establishedOn: '2026-07-01',
      })
    ).body.id;
    const meeting = async (bodyId: string, on: string, attendance: string[], decisions: { text: string; subject: string }[] = []) => {
      const meetingId = (await post(`/bodies/${bodyId}/meetings`, { scheduledFor: on, title: `Sitzung ${on}` })).body.id;
      await post(`/meetings/${meetingId}/attendance`, { heldOn: on, attendance });
      const decided: string[] = [];
      for (const decision of decisions) decided.push((await post(`/meetings/${meetingId}/decisions`, decision)).body.id);
      return decided;
    };
    const [d0] = await meeting(steering, '2025-11-20', [ids.familyCentre], [{ text: 'Das Leitbild 2025 wird beschlossen.', subject: 'leitbild_adoption' }]);
    await post(`/networks/${networkId}/leitbild/versions`, {
      vision: 'Alle Kinder in Kalk und Vingst wachsen gut auf.',
      principles: [{ key: 'P1', text: 'Familien wirken mit.' }],
      draftedOn: '2025-10-01',
    });
    await post(`/networks/${networkId}/leitbild/versions/1/adoption`, { adoptedOn: '2025-11-20', decisionId: d0 });

    const cycleId = (await post(`/networks/${networkId}/cycles`, { title: 'Qualitätskreislauf 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-05' })).body.id;
    ids.cycle = cycleId;
    await post(`/cycles/${cycleId}/phases`, { phase: 'leitbild', enteredOn: '2026-01-06' });
    const [d1] = await meeting(steering, '2026-02-10', [ids.familyCentre], [{ text: 'Die Ziele 2026 werden festgelegt.', subject: 'goal_definition' }]);
    ids.d1 = d1;
    await post(`/cycles/${cycleId}/phases`, { phase: 'steering', enteredOn: '2026-02-10' });

    const goal = (title: string, qualityGoals: string[], level: 'strategic' | 'operational' = 'operational') =>
      post(`/networks/${networkId}/goals`, {
        cycleId,
        level,
        ...(level === 'operational' ? { parentGoalId: ids.s1 } : {}),
        title,
        description: '',
        qualityGoals,
        reviewIntervalDays: 120,
        definedOn: '2026-02-10',
        decisionId: d1,
      }).then((response) => response.body.id as string);
    ids.s1 = await goal('Familien früh erreichen', ['outreach', 'strengthen_parents_children'], 'strategic');
    ids.o1 = await goal('Kitas im Arbeitskreis', ['multiprofessional_cooperation']);
    ids.o2 = await goal('Wartezeit auf Familienhebammen verkürzen', ['outreach']);
    ids.o3 = await goal('Elterncafé anbieten', ['participation']);
    ids.o5 = await goal('Sprachförderung bündeln', ['smooth_transitions']);
    const indicator = (goalId: string, key: string, name: string, baseline: number, target: number, direction: string) =>
      post(`/goals/${goalId}/concretisations`, {
        indicators: [{ key, name, unit: key === 'waiting_days' ? 'Tage' : 'Anzahl', baseline, target, direction, dueOn: '2026-12-31', impactLevel: 'output' }],
        measures: [],
        concretisedOn: '2026-03-15',
      });
    await post(`/cycles/${cycleId}/phases`, { phase: 'concretisation', enteredOn: '2026-03-15' });
    await indicator(ids.o1, 'kitas', 'Kitas im Arbeitskreis', 6, 12, 'increase');
    await indicator(ids.o2, 'waiting_days', 'Wartezeit', 42, 14, 'decrease');
    await indicator(ids.o3, 'cafes', 'Elterncafés', 2, 6, 'increase');
    const measure = (goalId: string, indicatorKey: string, value: number, measuredOn: string) => post(`/goals/${goalId}/measurements`, { indicatorKey, value, measuredOn, source: 'Erhebung' });
    await measure(ids.o1, 'kitas', 9, '2026-09-30');
    await measure(ids.o1, 'kitas', 7, '2026-03-31');
    await measure(ids.o2, 'waiting_days', 35, '2026-06-30');
    await measure(ids.o3, 'cafes', 4, '2026-05-31');

    const review = (goalId: string, reviewedOn: string, assessment: string, decisionId: string | null = null) =>
      post(`/goals/${goalId}/reviews`, { reviewedOn, assessment, evidence: `Protokoll ${reviewedOn}`, decisionId });
    await review(ids.o5, '2026-03-01', 'not_assessable');
    await post(`/goals/${ids.o5}/reorientations`, { decision: 'retire', rationale: 'Doppelt zum Angebot der Stadt', reorientedOn: '2026-03-02' });

    await post(`/networks/${networkId}/leitbild/versions`, {
      vision: 'Alle Kinder in Kalk und Vingst wachsen gesund und beteiligt auf.',
      principles: [
        { key: 'P1', text: 'Familien wirken mit.' },
        { key: 'P2', text: 'Angebote sind wohnortnah.' },
      ],
      draftedOn: '2026-05-01',
    });
    const [d2, d3] = await meeting(steering, '2026-06-20', [ids.familyCentre], [
      { text: 'Das Leitbild wird fortgeschrieben.', subject: 'leitbild_adoption' },
      { text: 'Halbjahresüberprüfung der Ziele.', subject: 'goal_review' },
    ]);
    ids.d3 = d3;
    await post(`/networks/${networkId}/leitbild/versions/2/adoption`, { adoptedOn: '2026-06-20', decisionId: d2 });
    for (const [goalId, assessment] of [
      [ids.s1, 'on_track'],
      [ids.o1, 'on_track'],
      [ids.o2, 'at_risk'],
      [ids.o3, 'on_track'],
    ]) {
      await review(goalId, '2026-06-20', assessment, d3);
    }

    await meeting(workingGroup, '2026-09-01', [ids.familyCentre, ids.kita]);
    await post(`/cycles/${cycleId}/phases`, { phase: 'reflection', enteredOn: '2026-10-01' });
    const [d4] = await meeting(steering, '2026-11-05', [ids.familyCentre], [{ text: 'Neuausrichtung der Handlungsziele.', subject: 'goal_reorientation' }]);
    ids.d4 = d4;
    await review(ids.o2, '2026-11-05', 'off_track');
    await review(ids.o3, '2026-11-05', 'achieved');
    await post(`/goals/${ids.o1}/reorientations`, { decision: 'continue', rationale: 'Läuft nach Plan', reorientedOn: '2026-11-05', decisionId: d4 });
    await post(`/goals/${ids.o2}/reorientations`, {
      decision: 'adjust',
      rationale: 'Engerer Blick auf die Wartezeit',
      reorientedOn: '2026-11-05',
      changes: { title: 'Wartezeit auf Familienhebammen deutlich verkürzen', reviewIntervalDays: 60 },
      decisionId: d4,
    });
    ids.o4 = (
      await post(`/goals/${ids.o3}/reorientations`, {
        decision: 'replace',
        rationale: 'Elterncafés laufen; jetzt geht es um Väter',
        reorientedOn: '2026-11-05',
        replacement: { title: 'Väter im Elterncafé erreichen', description: '', qualityGoals: ['participation', 'equity'], reviewIntervalDays: 90 },
        decisionId: d4,
      })
    ).body.replacementGoalId;
    await meeting(workingGroup, '2026-12-01', [ids.familyCentre, ids.kita]);

    const offer = (title: string, providerOrganisationId: string, lifePhases: string[], districts: string[], targetGroups: string[]) =>
      post(`/networks/${networkId}/offers`, { title, description: '', providerOrganisationId, lifePhases, districts, targetGroups, startsOn: '2026-03-01', endsOn: null, listedOn: '2026-02-15' });
    await offer('Elterncafé Kalk', ids.familyCentre, ['age_0_3'], ['Kalk'], ['Eltern']);
    await offer('Babytreff Kalk', ids.kita, ['age_0_3'], ['Kalk'], ['Eltern']);
    await offer('Sprachkita Vingst', ids.kita, ['age_3_6'], ['Vingst'], ['Kinder']);

    if (!(await api.app.get(ReadModelPositions).waitForHead(30_000))) throw new Error('read models did not catch up');
  });
  afterAll(() => api.close());

  it('builds the progress report model with the figures worked out by hand', async () => {
    const { body } = await get(`/networks/${ids.network}/reports/progress?${PERIOD}`).expect(200).expect('Content-Type', /application\/json/);
    expect(body).toMatchObject({ report: 'progress', language: 'de', period: { from: '2026-01-01', to: '2026-12-31' }, network: { id: ids.network, name: 'Kalker Netzwerk für Familien' } });
    expect(body.summary).toEqual({
      goals: 6,
      activeGoals: 4,
      retiredGoals: 1,
      replacedGoals: 1,
      averageProgressPercent: 37.5,
      reviews: 7,
      reorientations: 4,
      decisions: 4,
      meetingsHeld: 5,
      organisationsJoined: 1,
      organisationsLeft: 1,
    });
    expect(body.statusDistribution.map((item: { key: string; count: number }) => [item.key, item.count])).toEqual([
      ['achieved', 1],
      ['on_track', 2],
      ['at_risk', 0],
      ['off_track', 1],
      ['not_assessable', 1],
      ['not_reviewed', 1],
    ]);
    expect(body.leitbild).toMatchObject({ version: 2, adoptedOn: '2026-06-20', adoptedInPeriod: true, decision: { bodyName: 'Steuerungsgruppe', text: 'Das Leitbild wird fortgeschrieben.' } });
    expect(body.leitbild.principles.map((principle: { key: string }) => principle.key)).toEqual(['P1', 'P2']);
    expect(body.cycles).toEqual([
      expect.objectContaining({
        id: ids.cycle,
        statusAtEnd: { key: 'open', label: 'offen' },
        phaseAtEnd: { key: 'reflection', label: 'Reflexion und Neuausrichtung' },
        phases: ['leitbild', 'steering', 'concretisation', 'reflection'].map((key) => expect.objectContaining({ key, inPeriod: true })),
      }),
    ]);

    const [s1] = body.goals;
    expect(body.goals).toHaveLength(1);
    expect(s1).toMatchObject({ id: ids.s1, status: { key: 'active' }, progressPercent: 37.5, lastAssessment: { key: 'on_track', reviewedOn: '2026-06-20' } });
    const children = Object.fromEntries(s1.children.map((child: { id: string }) => [child.id, child]));
    expect(s1.children.map((child: { id: string }) => child.id)).toEqual([ids.o3, ids.o1, ids.o5, ids.o2, ids.o4]);
    expect(children[ids.o1]).toMatchObject({ status: { key: 'active', label: 'aktiv' }, progressPercent: 50, lastAssessment: { key: 'on_track', label: 'auf Kurs' } });
    expect(children[ids.o1].indicators).toEqual([
      {
        key: 'kitas',
        name: 'Kitas im Arbeitskreis',
        unit: 'Anzahl',
        direction: 'increase',
        impactLevel: 'output',
        dueOn: '2026-12-31',
        baseline: 6,
        target: 12,
        latestValue: 9,
        latestMeasuredOn: '2026-09-30',
        progressPercent: 50,
        startValue: 6,
        changeInPeriod: 3,
        trend: { key: 'improving', label: 'verbessert' },
        points: [
          { on: '2026-01-01', value: 6 },
          { on: '2026-03-31', value: 7 },
          { on: '2026-09-30', value: 9 },
        ],
      },
    ]);
    expect(children[ids.o2]).toMatchObject({ title: 'Wartezeit auf Familienhebammen deutlich verkürzen', progressPercent: 25, lastAssessment: { key: 'off_track', reviewedOn: '2026-11-05' } });
    expect(children[ids.o2].indicators[0]).toMatchObject({ latestValue: 35, progressPercent: 25, changeInPeriod: -7, trend: { key: 'improving' } });
    expect(children[ids.o3]).toMatchObject({ status: { key: 'replaced', label: 'ersetzt' }, endedOn: '2026-11-05', replacedByGoalId: ids.o4, progressPercent: 50 });
    expect(children[ids.o4]).toMatchObject({ title: 'Väter im Elterncafé erreichen', replacesGoalId: ids.o3, progressPercent: null, lastAssessment: null, indicators: [] });
    expect(children[ids.o5]).toMatchObject({ status: { key: 'retired', label: 'beendet' }, endedOn: '2026-03-02', lastAssessment: { key: 'not_assessable' } });

    const byQualityGoal = Object.fromEntries(body.qualityGoals.map((group: { key: string; goals: { id: string }[] }) => [group.key, group.goals.map((goal) => goal.id)]));
    expect(byQualityGoal).toEqual({
      participation: [ids.o3, ids.o4],
      strengthen_parents_children: [ids.s1],
      outreach: [ids.s1, ids.o2],
      equity: [ids.o4],
      social_inclusion: [],
      smooth_transitions: [ids.o5],
      multiprofessional_cooperation: [ids.o1],
    });

    expect(body.reviews.map((review: { reviewedOn: string; goalId: string; assessment: { key: string } }) => [review.reviewedOn, review.goalId, review.assessment.key])).toEqual([
      ['2026-03-01', ids.o5, 'not_assessable'],
      ['2026-06-20', ids.o3, 'on_track'],
      ['2026-06-20', ids.s1, 'on_track'],
      ['2026-06-20', ids.o1, 'on_track'],
      ['2026-06-20', ids.o2, 'at_risk'],
      ['2026-11-05', ids.o3, 'achieved'],
      ['2026-11-05', ids.o2, 'off_track'],
    ]);
    expect(body.reviews[2].decision).toEqual({ id: ids.d3, decidedOn: '2026-06-20', bodyName: 'Steuerungsgruppe', bodyKind: { key: 'steering_group', label: 'Steuerungsgruppe' }, text: 'Halbjahresüberprüfung der Ziele.' });
    expect(body.reorientations).toEqual([
      expect.objectContaining({ reorientedOn: '2026-03-02', goalId: ids.o5, decision: { key: 'retire', label: 'beenden' }, rationale: 'Doppelt zum Angebot der Stadt', bodyDecision: null }),
      expect.objectContaining({ goalId: ids.o3, decision: { key: 'replace', label: 'ersetzen' }, replacement: { goalId: ids.o4, title: 'Väter im Elterncafé erreichen' } }),
      expect.objectContaining({ goalId: ids.o1, decision: { key: 'continue', label: 'fortführen' }, changes: [] }),
      expect.objectContaining({
        goalId: ids.o2,
        goalTitle: 'Wartezeit auf Familienhebammen verkürzen',
        decision: { key: 'adjust', label: 'anpassen' },
        changes: [
          { field: { key: 'title', label: 'Titel' }, value: 'Wartezeit auf Familienhebammen deutlich verkürzen' },
          { field: { key: 'reviewIntervalDays', label: 'Überprüfungsintervall (Tage)' }, value: '60' },
        ],
        bodyDecision: expect.objectContaining({ id: ids.d4, text: 'Neuausrichtung der Handlungsziele.' }),
      }),
    ]);
    expect(body.decisions.map((decision: { decidedOn: string; subject: { key: string } }) => [decision.decidedOn, decision.subject.key])).toEqual([
      ['2026-02-10', 'goal_definition'],
      ['2026-06-20', 'leitbild_adoption'],
      ['2026-06-20', 'goal_review'],
      ['2026-11-05', 'goal_reorientation'],
    ]);
    expect(body.bodies.map((body: { name: string; expected: number; held: number; belowCadence: boolean; windowFrom: string }) => [body.name, body.windowFrom, body.expected, body.held, body.belowCadence])).toEqual([
      ['Steuerungsgruppe', '2026-01-01', 5, 3, true],
      ['Arbeitskreis Kitas', '2026-07-01', 2, 2, false],
    ]);
    expect(body.organisations).toEqual({
      joined: [{ id: ids.kita, name: 'Kita Vingst', sector: { key: 'day_care', label: 'Kindertagesbetreuung' }, joinedOn: '2026-02-01' }],
      left: [{ id: ids.youthOffice, name: 'Jugendamt Köln', sector: { key: 'authority', label: 'Behörde, Verwaltung' }, leftOn: '2026-10-31', reason: 'Aufgabe an den Träger übergeben' }],
    });
    expect(body.offerLandscape).toMatchObject({ on: '2026-12-31', offers: 3, cells: 12, coveredCells: 2 });
    expect(body.offerLandscape.gaps).toHaveLength(10);
    expect(body.offerLandscape.duplicates).toEqual([
      {
        lifePhase: { key: 'age_0_3', label: '0 bis 3 Jahre' },
        district: 'Kalk',
        targetGroup: 'Eltern',
        offers: [
          { id: expect.any(String), title: 'Babytreff Kalk', provider: 'Kita Vingst' },
          { id: expect.any(String), title: 'Elterncafé Kalk', provider: 'Familienzentrum Kalk' },
        ],
      },
    ]);
    // No personal data: the contact person and the representative appear nowhere.
    expect(JSON.stringify(body)).not.toMatch(/Petra|example\.org/);
  });

  it('reads only the period: a half year shows the state at its end', async () => {
    const { body } = await get(`/networks/${ids.network}/reports/progress?from=2026-01-01&to=2026-06-30`).expect(200);
    // O4 is not defined yet, O3 not yet replaced; O2's latest value is 35 (2026-06-30), O1's is 7.
    expect(body.summary).toMatchObject({ goals: 5, activeGoals: 4, retiredGoals: 1, replacedGoals: 0, reviews: 5, reorientations: 1, decisions: 3, meetingsHeld: 2 });
    const children = Object.fromEntries(body.goals[0].children.map((child: { id: string }) => [child.id, child]));
    expect(children[ids.o1].indicators[0]).toMatchObject({ latestValue: 7, progressPercent: 16.7 });
    expect(children[ids.o2].title).toBe('Wartezeit auf Familienhebammen verkürzen');
    expect(body.leitbild).toMatchObject({ version: 2 });
    // Steering group: 3 of ⌊5 · 181 / 365⌋ = ⌊2.48⌋ = 2 → at cadence; the working group does not exist yet.
    expect(body.bodies.map((body: { name: string; expected: number; held: number }) => [body.name, body.expected, body.held])).toEqual([['Steuerungsgruppe', 2, 2]]);

    const second = await get(`/networks/${ids.network}/reports/progress?from=2026-07-01&to=2026-12-31`).expect(200);
    // The second half year starts from the values measured before it.
    const o1 = second.body.goals[0].children.find((child: { id: string }) => child.id === ids.o1);
    expect(o1.indicators[0]).toMatchObject({ startValue: 7, latestValue: 9, changeInPeriod: 2, points: [{ on: '2026-07-01', value: 7 }, { on: '2026-09-30', value: 9 }] });
    expect(second.body.goals[0].children.map((child: { id: string }) => child.id)).not.toContain(ids.o5);
  });

  it('renders Markdown and HTML byte for byte the same on every call, HTML with its SVG charts and print stylesheet', async () => {
    const markdown = await get(`/networks/${ids.network}/reports/progress?${PERIOD}&format=md`).expect(200);
    expect(markdown.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(markdown.headers['content-disposition']).toBe('attachment; filename="fortschrittsbericht-2026-01-01-2026-12-31.md"');
    const again = await get(`/networks/${ids.network}/reports/progress?${PERIOD}&format=md`).expect(200);
    expect(again.text).toBe(markdown.text);
    expect(markdown.text).toMatch(/^# Fortschrittsbericht: Kalker Netzwerk für Familien\n/);
    expect(markdown.text).toContain('**Berichtszeitraum: 1. Januar 2026 – 31. Dezember 2026**');
    expect(markdown.text).toContain('| Mittlerer Fortschritt der Handlungsziele | 37,5\u00a0% |');
    expect(markdown.text).toContain('| Kitas im Arbeitskreis (Anzahl) | 6 | 9 (30.09.2026) | 12 | 50\u00a0% | verbessert: 6 → 7 → 9 |');
    expect(markdown.text).toContain('| Steuerungsgruppe (Steuerungsgruppe) | 5 | 01.01.2026 – 31.12.2026 | 5 | 3 | ⚠ unter dem Rhythmus |');

    const html = await get(`/networks/${ids.network}/reports/progress?${PERIOD}&format=html`).expect(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toBe('attachment; filename="fortschrittsbericht-2026-01-01-2026-12-31.html"');
    const htmlAgain = await get(`/networks/${ids.network}/reports/progress?${PERIOD}&format=html`).expect(200);
    expect(htmlAgain.text).toBe(html.text);
    expect(html.text).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    expect(html.text).toContain('@media print');
    expect(html.text).toContain('class="chart bar-chart"');
    expect(html.text.match(/class="chart trend-chart"/g)).toHaveLength(3);
    expect(html.text).not.toMatch(/<script|<link|src="http|href="http/);

    const json = await get(`/networks/${ids.network}/reports/progress?${PERIOD}`).expect(200);
    const jsonAgain = await get(`/networks/${ids.network}/reports/progress?${PERIOD}`).expect(200);
    expect(jsonAgain.text).toBe(json.text);
  });

  it('prints the PDF from the same HTML: German headings and figures, a page count, and page 1 as PNG', async () => {
    const response = await binary(get(`/networks/${ids.network}/reports/progress?${PERIOD}&format=pdf`)).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="fortschrittsbericht-2026-01-01-2026-12-31.pdf"');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const png = join(REPORT_ARTIFACTS, 'progress-page-1.png');
    rmSync(png, { force: true });
    const { text, pages } = inspectPdf(pdf, png);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const heading of ['Fortschrittsbericht: Kalker Netzwerk für Familien', 'Überblick', 'Leitbild', 'Qualitätskreislauf', 'Zielbaum', 'Zielüberprüfungen', 'Neuausrichtungen', 'Beschlüsse der Gremien', 'Sitzungen und Sitzungsrhythmus', 'Angebotslandschaft']) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/37,5\s%/);
    expect(text).toContain('Kitas im Arbeitskreis');
    expect(existsSync(png) && statSync(png).size).toBeGreaterThan(1000);
  });

  it('writes the report in English with English dates and numbers', async () => {
    const { body } = await get(`/networks/${ids.network}/reports/progress?${PERIOD}&lang=en`).expect(200);
    expect(body.language).toBe('en');
    expect(body.summary.averageProgressPercent).toBe(37.5);
    expect(body.goals[0].children.find((child: { id: string }) => child.id === ids.o3).status).toEqual({ key: 'replaced', label: 'replaced' });
    const markdown = await get(`/networks/${ids.network}/reports/progress?${PERIOD}&lang=en&format=md`).expect(200);
    expect(markdown.headers['content-disposition']).toBe('attachment; filename="progress-report-2026-01-01-2026-12-31.md"');
    expect(markdown.text).toMatch(/^# Progress report: Kalker Netzwerk für Familien\n/);
    expect(markdown.text).toContain('**Reporting period: 1 January 2026 – 31 December 2026**');
    expect(markdown.text).toContain('| Average progress of the operational goals | 37.5% |');
    expect(markdown.text).toContain('| Kitas im Arbeitskreis (Anzahl) | 6 | 9 (30/09/2026) | 12 | 50% | improving: 6 → 7 → 9 |');
    const pdf = (await binary(get(`/networks/${ids.network}/reports/progress?${PERIOD}&lang=en&format=pdf`)).expect(200)).body as Buffer;
    const { text } = inspectPdf(pdf);
    expect(text).toContain('Goal tree');
    expect(text).toContain('37.5%');
  });

  it('tells the programme history: cycles, Leitbild versions, goals and the decisions behind them', async () => {
    const { body } = await get(`/networks/${ids.network}/reports/history`).expect(200);
    // Without a period: from the registration (2025-01-01) to the latest dated act (2026-11-05).
    expect(body.period).toEqual({ from: '2025-01-01', to: '2026-11-05' });
    expect(body.entries.map((entry: { on: string; kind: { key: string }; subject: { title: string } }) => [entry.on, entry.kind.key, entry.subject.title])).toEqual([
      ['2025-10-01', 'leitbild_drafted', 'Alle Kinder in Kalk und Vingst wachsen gut auf.'],
      ['2025-11-20', 'leitbild_adopted', 'Alle Kinder in Kalk und Vingst wachsen gut auf.'],
      ['2026-01-05', 'cycle_opened', 'Qualitätskreislauf 2026'],
      ['2026-01-06', 'cycle_phase_entered', 'Qualitätskreislauf 2026'],
      ['2026-02-10', 'cycle_phase_entered', 'Qualitätskreislauf 2026'],
      ['2026-02-10', 'goal_defined', 'Elterncafé anbieten'],
      ['2026-02-10', 'goal_defined', 'Familien früh erreichen'],
      ['2026-02-10', 'goal_defined', 'Kitas im Arbeitskreis'],
      ['2026-02-10', 'goal_defined', 'Sprachförderung bündeln'],
      ['2026-02-10', 'goal_defined', 'Wartezeit auf Familienhebammen verkürzen'],
      ['2026-03-01', 'goal_reviewed', 'Sprachförderung bündeln'],
      ['2026-03-02', 'goal_retired', 'Sprachförderung bündeln'],
      ['2026-03-15', 'cycle_phase_entered', 'Qualitätskreislauf 2026'],
      ['2026-05-01', 'leitbild_drafted', 'Alle Kinder in Kalk und Vingst wachsen gesund und beteiligt auf.'],
      ['2026-06-20', 'leitbild_adopted', 'Alle Kinder in Kalk und Vingst wachsen gesund und beteiligt auf.'],
      ['2026-06-20', 'goal_reviewed', 'Elterncafé anbieten'],
      ['2026-06-20', 'goal_reviewed', 'Familien früh erreichen'],
      ['2026-06-20', 'goal_reviewed', 'Kitas im Arbeitskreis'],
      ['2026-06-20', 'goal_reviewed', 'Wartezeit auf Familienhebammen verkürzen'],
      ['2026-10-01', 'cycle_phase_entered', 'Qualitätskreislauf 2026'],
      ['2026-11-05', 'goal_defined', 'Väter im Elterncafé erreichen'],
      ['2026-11-05', 'goal_reviewed', 'Elterncafé anbieten'],
      ['2026-11-05', 'goal_reviewed', 'Wartezeit auf Familienhebammen verkürzen'],
      ['2026-11-05', 'goal_continued', 'Kitas im Arbeitskreis'],
      ['2026-11-05', 'goal_adjusted', 'Wartezeit auf Familienhebammen verkürzen'],
      ['2026-11-05', 'goal_replaced', 'Elterncafé anbieten'],
    ]);
    const defined = body.entries.find((entry: { kind: { key: string }; subject: { id: string } }) => entry.kind.key === 'goal_defined' && entry.subject.id === ids.o1);
    expect(defined.decision).toMatchObject({ id: ids.d1, decidedOn: '2026-02-10', bodyName: 'Steuerungsgruppe', text: 'Die Ziele 2026 werden festgelegt.' });
    const adopted = body.entries.filter((entry: { kind: { key: string } }) => entry.kind.key === 'leitbild_adopted');
    expect(adopted[1]).toMatchObject({ supersedesVersion: 1, decision: { text: 'Das Leitbild wird fortgeschrieben.' } });
    const replacement = body.entries.find((entry: { kind: { key: string }; subject: { id: string } }) => entry.kind.key === 'goal_defined' && entry.subject.id === ids.o4);
    expect(replacement.relatedGoal).toEqual({ id: ids.o3, title: 'Elterncafé anbieten' });
    expect(replacement.decision).toMatchObject({ id: ids.d4 });
    expect(body.summary).toMatchObject({ goal_defined: 6, goal_reviewed: 7, goal_adjusted: 1, goal_replaced: 1, goal_retired: 1, goal_continued: 1, leitbild_adopted: 2, cycle_opened: 1, cycle_phase_entered: 4 });

    const inPeriod = await get(`/networks/${ids.network}/reports/history?from=2026-11-01&to=2026-12-31`).expect(200);
    expect(inPeriod.body.entries.map((entry: { kind: { key: string } }) => entry.kind.key)).toEqual(['goal_defined', 'goal_reviewed', 'goal_reviewed', 'goal_continued', 'goal_adjusted', 'goal_replaced']);

    const markdown = await get(`/networks/${ids.network}/reports/history?from=2026-01-01&to=2026-12-31&format=md`).expect(200);
    expect(markdown.headers['content-disposition']).toBe('attachment; filename="programmhistorie-2026-01-01-2026-12-31.md"');
    expect((await get(`/networks/${ids.network}/reports/history?from=2026-01-01&to=2026-12-31&format=md`)).text).toBe(markdown.text);
    expect(markdown.text).toContain('# Programmhistorie: Kalker Netzwerk für Familien');
    expect(markdown.text).toContain('| 05.11.2026 | Ziel angepasst | Wartezeit auf Familienhebammen verkürzen | Handlungsziel; Begründung: Engerer Blick auf die Wartezeit; Titel: Wartezeit auf Familienhebammen deutlich verkürzen; Überprüfungsintervall (Tage): 60 |');
    const english = await get(`/networks/${ids.network}/reports/history?from=2026-01-01&to=2026-12-31&format=html&lang=en`).expect(200);
    expect(english.text).toContain('<h1>Programme history: Kalker Netzwerk für Familien</h1>');
    expect(english.text).toContain('Goal adjusted');

    const pdf = (await binary(get(`/networks/${ids.network}/reports/history?from=2026-01-01&to=2026-12-31&format=pdf`)).expect(200)).body as Buffer;
    const { text, pages } = inspectPdf(pdf, join(REPORT_ARTIFACTS, 'history-page-1.png'));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Programmhistorie');
    expect(text).toContain('Ziel ersetzt');
  });

  it('lets every role of the network read the reports, and nobody else', async () => {
    for (const role of ROLES) {
      const token = await api.tokenFor({ userId: `u-${role}`, roles: [`${role}@${ids.network}`] });
      await api.anonymous().get(`/api/v1/networks/${ids.network}/reports/progress?${PERIOD}`).auth(token, { type: 'bearer' }).expect(200);
      await api.anonymous().get(`/api/v1/networks/${ids.network}/reports/history`).auth(token, { type: 'bearer' }).expect(200);
    }
    const outsider = await api.tokenFor({ userId: 'u-outsider', roles: ['coordinator@00000000-0000-4000-8000-000000000001'] });
    const hidden = await api.anonymous().get(`/api/v1/networks/${ids.network}/reports/progress?${PERIOD}`).auth(outsider, { type: 'bearer' }).expect(404);
    expect(hidden.body.code).toMatch(/not_found$/);
    await api.anonymous().get(`/api/v1/networks/${ids.network}/reports/history`).auth(outsider, { type: 'bearer' }).expect(404);
    const admin = await api.tokenFor({ userId: 'u-admin', roles: ['admin'] });
    await api.anonymous().get(`/api/v1/networks/${ids.network}/reports/history`).auth(admin, { type: 'bearer' }).expect(404);
    await api.anonymous().get(`/api/v1/networks/${ids.network}/reports/history`).expect(401);
  });

  it.each([
    ['to before from', 'from=2026-12-31&to=2026-01-01', 'to'],
    ['a date that does not exist', 'from=2026-02-30&to=2026-12-31', 'from'],
    ['a date in another form', 'from=01.01.2026&to=2026-12-31', 'from'],
    ['no from', 'to=2026-12-31', 'from'],
    ['a language other than de and en', `${PERIOD}&lang=fr`, 'lang'],
    ['a format other than json, md, html and pdf', `${PERIOD}&format=docx`, 'format'],
    ['an unknown parameter', `${PERIOD}&style=fancy`, 'style'],
  ])('refuses %s with a 400 problem', async (_case, query, field) => {
    const response = await get(`/networks/${ids.network}/reports/progress?${query}`).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.code).toBe('validation.failed');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('refuses a history period that ends before it starts', async () => {
    const response = await get(`/networks/${ids.network}/reports/history?from=2026-02-01&to=2026-01-31`).expect(400);
    expect(response.body.errors).toEqual([{ field: 'to', messages: ['to must not lie before from'] }]);
  });

  it('documents both reports in the OpenAPI document with the JSON model and every format', async () => {
    const document = (await api.anonymous().get('/api/docs-json').expect(200)).body;
    for (const path of ['/api/v1/networks/{networkId}/reports/progress', '/api/v1/networks/{networkId}/reports/history']) {
      const operation = document.paths[path].get;
      expect(Object.keys(operation.responses['200'].content).sort()).toEqual(['application/json', 'application/pdf', 'text/html', 'text/markdown']);
      expect(operation.responses['200'].content['application/json'].schema.properties.report).toBeDefined();
      expect(operation.responses['503'].description).toContain('report.pdf_unavailable');
      expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['networkId', 'from', 'to', 'lang', 'format']));
    }
  });
});

/** The Kreis Viersen demo network's progress report as a person would read it; docs/report-page.png is its first page. */
describe('the demo network’s progress report', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await loadDemoNetworks(demoWritesOf(api.app), api.app.get(PersonalDataVault));
    if (!(await api.app.get(ReadModelPositions).waitForHead(60_000))) throw new Error('read models did not catch up');
    await api.grant('funder', DEMO_NETWORK_ID);
  });
  afterAll(() => api.close());

  it('covers the whole cycle and prints it, first page as PNG', async () => {
    const period = `from=${demoCycle.periodFrom}&to=${demoCycle.periodTo}`;
    const { body } = await api.http().get(`/api/v1/networks/${DEMO_NETWORK_ID}/reports/progress?${period}`).expect(200);
    expect(body.network.name).toBe('Netzwerk Frühe Hilfen Kreis Viersen');
    expect(body.summary.goals).toBeGreaterThan(3);
    expect(body.summary.reviews).toBeGreaterThan(0);
    expect(body.cycles.map((cycle: { title: string }) => cycle.title)).toContain(demoCycle.title);
    expect(body.goals.flatMap((goal: { children: { indicators: unknown[] }[] }) => goal.children.flatMap((child) => child.indicators)).length).toBeGreaterThan(0);

    const pdf = (await binary(api.http().get(`/api/v1/networks/${DEMO_NETWORK_ID}/reports/progress?${period}&format=pdf`)).expect(200)).body as Buffer;
    mkdirSync(REPORT_ARTIFACTS, { recursive: true });
    writeFileSync(join(REPORT_ARTIFACTS, 'demo-progress.pdf'), pdf);
    const { text, pages } = inspectPdf(pdf, join(REPORT_ARTIFACTS, 'demo-progress-page-1.png'));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Fortschrittsbericht: Netzwerk Frühe Hilfen Kreis Viersen');
    expect(text).toContain('Zielbaum');
    // The page where the goal tree begins, with its indicator trends: the picture in the README (docs/report-page.png).
    const treePage = join(REPORT_ARTIFACTS, 'demo-goal-tree-page.png');
    rmSync(treePage, { force: true });
    inspectPdf(pdf, treePage, 'Zielbaum');
    expect(statSync(treePage).size).toBeGreaterThan(1000);
  });
});

import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { loadConfig, StorageModule } from '@kreislauf/storage';
import { DEMO_CYCLE_ID, DEMO_NETWORK_ID } from '../apps/api/src/demo/demo-network';
import { KALK_NETWORK_ID } from '../apps/api/src/demo/kalk-network';
import { demoWritesOf } from '../apps/api/src/demo/demo-writes';
import { loadDemoNetworks } from '../apps/api/src/demo/load-demo';
import { VIERSEN_NEXT_CYCLE_ID, VIERSEN_ROUND_AFTER_ID, VIERSEN_ROUND_BEFORE_ID } from '../apps/api/src/demo/viersen-assessments';
import { PersonalDataVault } from '../apps/api/src/people/personal-data-vault';
import { startTestApi, TestApi } from './support/test-api';

describe('the service', () => {
  describe('with projections in-process (the default)', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(() => api.close());

    it('reports health: database reachable and each projection’s lag, without a version prefix', async () => {
      const response = await api.http().get('/health').expect(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, projections: { status: 'up', lag: { networks: 0, goals: 0, 'goal-history': 0 } } },
      });
    });

    it('serves the OpenAPI document generated from the code', async () => {
      const response = await api.http().get('/api/docs-json').expect(200);
      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/networks',
          '/api/v1/networks/{networkId}',
          '/api/v1/networks/{networkId}/cycles',
          '/api/v1/cycles/{cycleId}/phases',
          '/api/v1/cycles/{cycleId}/close',
          '/api/v1/networks/{networkId}/goals',
          '/api/v1/goals/{goalId}/concretisations',
          '/api/v1/goals/{goalId}/measurements',
          '/api/v1/goals/{goalId}/reviews',
          '/api/v1/goals/{goalId}/reorientations',
          '/api/v1/goals/{goalId}',
          '/api/v1/goals/{goalId}/history',
          '/api/v1/networks/{networkId}/cycle-board',
          '/api/v1/networks/{networkId}/reviews-due',
        ]),
      );
      expect(response.body.components.schemas.DefineGoalDto.required).toEqual(expect.arrayContaining(['cycleId', 'level', 'title', 'qualityGoals']));
      await api.http().get('/api/docs').expect(200).expect('content-type', /html/);
    });

    it('exposes Prometheus metrics with the projection lag', async () => {
      const response = await api.http().get('/metrics').expect(200);
      expect(response.text).toMatch(/kreislauf_projection_lag_events\{projection="goals"\} 0/);
    });

    it('loads the demo networks once: loading them twice changes nothing', async () => {
      const writes = demoWritesOf(api.app);
      const vault = api.app.get(PersonalDataVault);
      const db = new Client({ connectionString: api.database.url });
      await db.connect();
      const stored = async () => (await db.query('SELECT count(*)::int AS n, max(global_position)::text AS last FROM events')).rows[0];
      try {
        expect(await loadDemoNetworks(writes, vault)).toEqual([DEMO_NETWORK_ID, KALK_NETWORK_ID]);
        const afterFirst = await stored();
        expect(await loadDemoNetworks(writes, vault)).toEqual([]);
        expect(await stored()).toEqual(afterFirst);
        // Each demo person is of the network that names them, so its coordinators may erase them and nobody else.
        const { rows } = await db.query(`SELECT DISTINCT network_id FROM personal_data_keys`);
        expect(rows.map((row: { network_id: string | null }) => row.network_id).sort()).toEqual([DEMO_NETWORK_ID, KALK_NETWORK_ID].sort());
      } finally {
        await db.end();
      }

      await api.grant('funder', DEMO_NETWORK_ID);
      const network = await api.http().get(`/api/v1/networks/${DEMO_NETWORK_ID}`);
      // The first cycle's board: its six goals and the two it derived from the self-assessment.
      const board = await waitForBoard(api, 8, DEMO_CYCLE_ID);
      expect(network.body).toMatchObject({ name: 'Netzwerk Frühe Hilfen Kreis Viersen', municipalities: expect.arrayContaining(['Viersen', 'Kempen']) });
      expect(network.body.cycles).toHaveLength(2);
      const strategic = board.goals;
      const operational = strategic.flatMap((goal: { children: unknown[] }) => goal.children);
      expect(strategic).toHaveLength(3);
      expect(operational).toHaveLength(5);
      for (const goal of [...strategic, ...operational]) expect(goal.qualityGoals.length).toBeGreaterThan(0);
      expect(operational.filter((goal: { progressPercent: number | null }) => goal.progressPercent !== null)).toHaveLength(4);
      expect(operational.filter((goal: { lastAssessment: string | null }) => goal.lastAssessment !== null)).toHaveLength(5);
      const adjustedId = operational.find((goal: { title: string }) => goal.title.includes('Unterstützungsbedarf')).id;
      const reoriented = await api.http().get(`/api/v1/goals/${adjustedId}`);
      expect(reoriented.body.reorientations).toEqual([expect.objectContaining({ decision: 'adjust' })]);
    });

    it('gives the Kreis Viersen demo a whole cycle from the Leitbild to the reorientation, and offers with a gap and a duplicate', async () => {
      const get = async (path: string) => (await api.http().get(`/api/v1${path}`).expect(200)).body;
      const leitbild = await get(`/networks/${DEMO_NETWORK_ID}/leitbild`);
      expect(leitbild.inForce).toMatchObject({ version: 1, status: 'in_force', decision: { bodyKind: 'steering_group' } });

      const [cycle, next] = (await get(`/networks/${DEMO_NETWORK_ID}/cycles`)).items;
      expect(cycle.cycle.currentPhase).toBe('reflection');
      expect(cycle.summary).toMatchObject({ goals: 8, reviewed: 8, reorientations: { continue: 7, adjust: 1, replace: 0, retire: 0 } });
      expect(next.cycle).toMatchObject({ id: VIERSEN_NEXT_CYCLE_ID, currentPhase: 'leitbild' });
      expect(next.carriedOver).toHaveLength(8);

      const adjusted = cycle.planned.find((goal: { reorientations: { decision: string }[] }) => goal.reorientations[0]?.decision === 'adjust');
      const history = await get(`/goals/${adjusted.goalId}/history`);
      expect(history.items.at(-1).decision.summary.en).toBe('decided by the steering group “Steuerungsgruppe Frühe Hilfen” on 16 September 2026');

      const landscape = await get(`/networks/${DEMO_NETWORK_ID}/offer-landscape?on=2026-06-01`);
      expect(landscape.gaps.length).toBeGreaterThan(0);
      expect(landscape.duplicates.length).toBeGreaterThan(0);
    });

    it('gives the Kreis Viersen demo two self-assessment rounds on dimension 3, before and after a cycle, with goals derived from the first', async () => {
      const get = async (path: string) => (await api.http().get(`/api/v1${path}`).expect(200)).body;
      const rounds = (await get(`/networks/${DEMO_NETWORK_ID}/assessments`)).items;
      expect(rounds).toEqual([
        expect.objectContaining({ id: VIERSEN_ROUND_BEFORE_ID, cycleId: DEMO_CYCLE_ID, dimensionKeys: ['network'], visibility: 'anonymous', status: 'closed', raters: 5, submitted: 5 }),
        expect.objectContaining({ id: VIERSEN_ROUND_AFTER_ID, cycleId: VIERSEN_NEXT_CYCLE_ID, status: 'closed', raters: 5, submitted: 5 }),
      ]);

      const agenda = await get(`/assessments/${VIERSEN_ROUND_BEFORE_ID}/agenda`);
      expect(agenda.items.slice(0, 2)).toEqual([
        expect.objectContaining({ key: 'network.understanding.interfaces', divergence: 1, median: 2.5, prioritised: true }),
        expect.objectContaining({ key: 'network.goals.review_system', divergence: 0.8, median: 2, prioritised: true }),
      ]);

      const first = await get(`/assessments/${VIERSEN_ROUND_BEFORE_ID}`);
      const review = first.items.find((item: { key: string }) => item.key === 'network.goals.review_system');
      expect(review.derivedGoals).toEqual([expect.objectContaining({ level: 'strategic', title: 'Ziele des Netzwerks jährlich gemeinsam überprüfen', status: 'active' })]);
      expect(review.ratings.every((rating: { rater: unknown }) => rating.rater === null)).toBe(true);

      const comparison = await get(`/assessments/${VIERSEN_ROUND_AFTER_ID}/comparison?with=${VIERSEN_ROUND_BEFORE_ID}`);
      expect(comparison.earlier.assessmentId).toBe(VIERSEN_ROUND_BEFORE_ID);
      expect(comparison.items).toHaveLength(13);
      const moved = Object.fromEntries(comparison.items.map((item: { key: string; medianChange: number; divergenceChange: number }) => [item.key, [item.medianChange, item.divergenceChange]]));
      expect(moved['network.goals.review_system']).toEqual([1, -0.667]);
      expect(moved['network.understanding.interfaces']).toEqual([0.5, -0.833]);
      expect(moved['network.actors.steering_responsibility']).toEqual([0, 0]);
    });

    it('gives the Kalker Netzwerk demo its 30 organisations, 12 of them day-care centres, and its bodies', async () => {
      await api.grant('member', KALK_NETWORK_ID);
      const get = async (path: string) => (await api.http().get(`/api/v1${path}`).expect(200)).body;
      const { items: organisations } = await get(`/networks/${KALK_NETWORK_ID}/organisations?on=2025-06-01`);
      expect(organisations).toHaveLength(30);
      expect(organisations.filter((organisation: { sector: { key: string } }) => organisation.sector.key === 'day_care')).toHaveLength(12);
      const { items: bodies } = await get(`/networks/${KALK_NETWORK_ID}/bodies?on=2026-06-01`);
      const kinds = bodies.map((body: { kind: string }) => body.kind);
      expect(kinds).toEqual(expect.arrayContaining(['plenary', 'steering_group', 'working_group']));
      expect((await get(`/networks/${KALK_NETWORK_ID}/decisions`)).items.length).toBeGreaterThan(0);
    });
  });

  describe('with projections off in the api and a projector beside it', () => {
    it('answers reads once the projector has applied the writes', async () => {
      const api = await startTestApi({ PROJECTIONS: 'off', READ_YOUR_WRITES_TIMEOUT_MS: '300' });
      try {
        const write = await api
          .http()
          .post('/api/v1/networks')
          .send({ name: 'Netzwerk INFamilie', region: 'Dortmund-Nordstadt', responsibleBody: 'Stadt Dortmund', municipalities: ['Dortmund'], registeredOn: '2011-11-01' })
          .expect(201);
        await api.grant('member', write.body.id);
        await api.http().get(`/api/v1/networks/${write.body.id}?after=${write.body.position}`).expect(503);

        const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: api.database.url });
        const projector = await NestFactory.createApplicationContext(StorageModule.forRoot({ config, databaseUrl: api.database.url, runProjections: true }), { logger: false });
        try {
          await projector.init();
          const read = await readWithin(api, `/api/v1/networks/${write.body.id}?after=${write.body.position}`, 5000);
          expect(read.status).toBe(200);
          expect(read.body.name).toBe('Netzwerk INFamilie');
        } finally {
          await projector.close();
        }
      } finally {
        await api.close();
      }
    });
  });
});

async function waitForBoard(api: TestApi, goals: number, cycleId: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const board = await api.http().get(`/api/v1/networks/${DEMO_NETWORK_ID}/cycle-board?cycleId=${cycleId}`).expect(200);
    const count = board.body.goals.reduce((sum: number, goal: { children: unknown[] }) => sum + 1 + goal.children.length, 0);
    if (count === goals && board.body.cycle?.currentPhase === 'reflection') {
      const health = await api.http().get('/health');
      if (Object.values(health.body.details.projections.lag as Record<string, number>).every((lag) => lag === 0)) return board.body;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the demo network did not reach the cycle board');
}

/** The api's own wait is short here (300 ms): ask again until the projector, polling on its own, got there. */
async function readWithin(api: TestApi, path: string, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const response = await api.http().get(path);
    if (response.status !== 503 || Date.now() > deadline) return response;
  }
}

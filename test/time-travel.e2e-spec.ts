import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROLES } from '../apps/api/src/access/access-policy';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

/**
 * Reads as of a past moment of record time. Moments are taken between real writes: the store dates an event
 * when its transaction starts, so a moment taken after a write's answer and before the next write's request
 * lies between the two events' record times.
 */
describe('time travel over HTTP', () => {
  let api: TestApi;
  let f: NetworkFixture;

  beforeAll(async () => {
    api = await startTestApi();
    f = await networkWithGoals(api);
  });
  afterAll(() => api.close());

  const get = (path: string) => api.http().get(`/api/v1${path}`);
  const write = async (path: string, body: object): Promise<{ id: string; position: string; version: number }> => {
    const response = await api.http().post(`/api/v1${path}`).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  /** A moment strictly between what was written before and what is written after. */
  const moment = async (): Promise<string> => {
    await pause(20);
    const now = new Date().toISOString();
    await pause(20);
    return now;
  };
  const asOf = (path: string, at: string) => get(`${path}${path.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(at)}`);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  describe('a goal', () => {
    it('reads at a past moment exactly as a plain read answered at that moment, with the same version', async () => {
      // given the goal after a measurement, as a plain read showed it then
      const measured = await write(`/goals/${f.operationalId}/measurements`, { indicatorKey: 'kitas', value: 8, measuredOn: '2026-03-01', source: 'Liste' });
      const then = await get(`/goals/${f.operationalId}?after=${measured.position}`).expect(200);
      const historyThen = await get(`/goals/${f.operationalId}/history`).expect(200);
      const t1 = await moment();

      // when it is reviewed and adjusted
      await write(`/goals/${f.operationalId}/reviews`, { reviewedOn: '2026-03-10', assessment: 'at_risk', evidence: 'Nur acht Kitas' });
      const adjusted = await write(`/goals/${f.operationalId}/reorientations`, {
        decision: 'adjust',
        rationale: 'Mehr Zeit für die Kitas',
        reorientedOn: '2026-03-12',
        changes: { title: 'Arbeitskreis Kitas verstetigen', reviewIntervalDays: 60 },
      });
      const now = await get(`/goals/${f.operationalId}?after=${adjusted.position}`).expect(200);
      const t2 = await moment();

      // then a read as of t1 shows the goal as it was then, and one as of t2 as it is now
      const past = await asOf(`/goals/${f.operationalId}`, t1).expect(200);
      expect(past.body).toEqual(then.body);
      expect(past.headers.etag).toBe(then.headers.etag);
      expect(past.body).not.toEqual(now.body);
      expect(past.body).toMatchObject({ title: 'operational goal', reviews: [], lastAssessment: null });
      expect((await asOf(`/goals/${f.operationalId}`, t2).expect(200)).body).toEqual(now.body);
      expect((await asOf(`/goals/${f.operationalId}/history`, t1).expect(200)).body).toEqual(historyThen.body);
      // with asOf, a page at a time as well
      const firstThen = await asOf(`/goals/${f.operationalId}/history?limit=1`, t1).expect(200);
      const secondThen = await asOf(`/goals/${f.operationalId}/history?limit=1&cursor=${firstThen.body.nextCursor}`, t1).expect(200);
      expect([...firstThen.body.items, ...secondThen.body.items]).toEqual(historyThen.body.items.slice(0, 2));
      // a moment not yet come reads like now
      expect((await asOf(`/goals/${f.operationalId}`, '2999-01-01T00:00:00Z').expect(200)).body).toEqual(now.body);
    });

    it('is not found before it existed, as an unknown goal is not found', async () => {
      const before = await asOf(`/goals/${f.operationalId}`, yesterday).expect(404);
      const unknown = await get(`/goals/${randomUUID()}`).expect(404);

      expect(before.body.code).toBe('goal.not_found');
      expect(unknown.body.code).toBe(before.body.code);
      expect((await asOf(`/goals/${f.operationalId}/history`, yesterday).expect(404)).body.code).toBe('goal.not_found');
    });

    it('keeps business time and record time apart: a review held on 10 March and recorded today shows both', async () => {
      const before = Date.now();
      const reviewed = await write(`/goals/${f.strategicId}/reviews`, { reviewedOn: '2026-03-10', assessment: 'on_track', evidence: 'Sitzung vom 10. März' });
      const after = Date.now();

      const goal = await get(`/goals/${f.strategicId}?after=${reviewed.position}`).expect(200);
      const history = await get(`/goals/${f.strategicId}/history`).expect(200);

      const lastReview = goal.body.reviews.at(-1);
      expect(lastReview).toMatchObject({ reviewedOn: '2026-03-10', occurredAt: '2026-03-10', assessment: 'on_track' });
      expect(Date.parse(lastReview.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(lastReview.recordedAt)).toBeLessThanOrEqual(after + 1000);
      expect(goal.body.lastReviewOn).toBe('2026-03-10');
      const entry = history.body.items.find((candidate: { type: string }) => candidate.type === 'GoalReviewed');
      expect(entry).toMatchObject({ occurredAt: '2026-03-10', recordedAt: lastReview.recordedAt, change: { reviewedOn: '2026-03-10', assessment: 'on_track' } });
      // as of the day of the review (business time) nothing was recorded yet: record time decides
      expect((await asOf(`/goals/${f.strategicId}`, '2026-03-10').expect(404)).body.code).toBe('goal.not_found');
    });
  });

  describe('the cycle board and the network', () => {
    it('read at a past moment exactly as plain reads answered at that moment', async () => {
      // given the network's reads at t1
      const settled = await write(`/goals/${f.operationalId}/measurements`, { indicatorKey: 'kitas', value: 9, measuredOn: '2026-04-01', source: 'Liste' });
      const reads = ['/cycle-board', '', '/cycles', '/reviews-due', '/reviews-due?on=2026-12-31'].map((suffix) => `/networks/${f.networkId}${suffix}`);
      const then = await readAll(reads, settled.position);
      const t1 = await moment();

      // when the cycle moves on, a goal is defined and another measured
      await write(`/cycles/${f.cycleId}/phases`, { phase: 'concretisation', enteredOn: '2026-04-02' });
      const defined = await write(`/networks/${f.networkId}/goals`, {
        cycleId: f.cycleId,
        level: 'operational',
        parentGoalId: f.strategicId,
        title: 'Familienzentren vernetzen',
        description: '',
        qualityGoals: ['multiprofessional_cooperation'],
        reviewIntervalDays: 30,
        definedOn: '2026-04-03',
      });
      const last = await write(`/goals/${f.operationalId}/measurements`, { indicatorKey: 'kitas', value: 12, measuredOn: '2026-05-01', source: 'Liste' });
      const now = await readAll(reads, last.position);
      const t2 = await moment();

      // then each read as of t1 is the read of t1, and as of t2 the read of now
      for (const [index, path] of reads.entries()) {
        expect((await asOf(path, t1).expect(200)).body).toEqual(then[index]);
        expect((await asOf(path, t2).expect(200)).body).toEqual(now[index]);
      }
      const [boardThen, boardNow] = [then[0], now[0]] as Board[];
      expect(boardThen.cycle.currentPhase).toBe('steering');
      expect(boardNow.cycle.currentPhase).toBe('concretisation');
      expect(flatIds(boardThen.goals)).not.toContain(defined.id);
      expect(flatIds(boardNow.goals)).toContain(defined.id);
      expect(then[1]).not.toEqual(now[1]);
    });

    it('are not found before the network existed', async () => {
      expect((await asOf(`/networks/${f.networkId}`, yesterday).expect(404)).body.code).toBe('network.not_found');
      expect((await asOf(`/networks/${f.networkId}/cycle-board`, yesterday).expect(404)).body.code).toBe('network.not_found');
      expect((await asOf(`/networks/${f.networkId}/cycles`, yesterday).expect(404)).body.code).toBe('network.not_found');
    });

    async function readAll(paths: string[], position: string): Promise<unknown[]> {
      const bodies: unknown[] = [];
      for (const path of paths) bodies.push((await get(`${path}${path.includes('?') ? '&' : '?'}after=${position}`).expect(200)).body);
      return bodies;
    }
  });

  describe('the diff of a goal', () => {
    let goalId: string;
    let t0: string;
    let t1: string;
    let t2: string;

    beforeAll(async () => {
      t0 = await moment();
      goalId = (
        await write(`/networks/${f.networkId}/goals`, {
          cycleId: f.cycleId,
          level: 'operational',
          parentGoalId: f.strategicId,
          title: 'Sprachförderung in Kitas',
          description: '',
          qualityGoals: ['participation'],
          reviewIntervalDays: 90,
          definedOn: '2026-04-10',
        })
      ).id;
      await write(`/goals/${goalId}/concretisations`, {
        indicators: [{ key: 'kitas', name: 'Kitas mit Sprachförderung', unit: 'Kitas', baseline: 2, target: 10, direction: 'increase', dueOn: '2026-12-31', impactLevel: 'output' }],
        measures: [{ title: 'Fortbildung', responsibleOrganisation: 'Familienzentrum Kalk', startsOn: '2026-04-15', endsOn: '2026-06-30' }],
        concretisedOn: '2026-04-11',
      });
      t1 = await moment();
      await write(`/goals/${goalId}/measurements`, { indicatorKey: 'kitas', value: 6, measuredOn: '2026-06-30', source: 'Liste' });
      await write(`/goals/${goalId}/reviews`, { reviewedOn: '2026-07-01', assessment: 'on_track', evidence: 'Sechs Kitas' });
      await write(`/goals/${goalId}/reorientations`, { decision: 'adjust', rationale: 'Ziel höher', reorientedOn: '2026-07-02', changes: { reviewIntervalDays: 45 } });
      t2 = await moment();
    });

    it('lists the changed fields with before and after, and the events recorded in between', async () => {
      const diff = await get(`/goals/${goalId}/diff?from=${encodeURIComponent(t1)}&to=${encodeURIComponent(t2)}`).expect(200);

      expect(diff.body).toMatchObject({ goalId, from: { at: t1, version: 1 }, to: { at: t2, version: 4 } });
      const byPath = Object.fromEntries(diff.body.changes.map((change: { path: string; before: unknown; after: unknown }) => [change.path, [change.before, change.after]]));
      expect(byPath).toMatchObject({
        'indicators[kitas].latestValue': [null, 6],
        'indicators[kitas].latestMeasuredOn': [null, '2026-06-30'],
        'indicators[kitas].progressPercent': [0, 50],
        'indicators[kitas].measurements[2026-06-30]': [null, { value: 6, measuredOn: '2026-06-30', source: 'Liste' }],
        progressPercent: [0, 50],
        lastReviewOn: [null, '2026-07-01'],
        lastAssessment: [null, 'on_track'],
        nextReviewOn: ['2026-07-09', '2026-08-15'],
        reviewIntervalDays: [90, 45],
        'reviews[0]': [null, expect.objectContaining({ reviewedOn: '2026-07-01', assessment: 'on_track', occurredAt: '2026-07-01', recordedAt: expect.any(String) })],
        'reorientations[0]': [null, expect.objectContaining({ decision: 'adjust', rationale: 'Ziel höher' })],
      });
      expect(Object.keys(byPath)).not.toContain('title');
      expect(Object.keys(byPath)).not.toContain('version');
      expect(diff.body.events).toEqual([
        expect.objectContaining({ stream: 'goal', version: 2, type: 'MeasurementRecorded', occurredAt: '2026-06-30', actor: expect.objectContaining({ userId: 'u-coord' }), reason: null }),
        expect.objectContaining({ stream: 'goal', version: 3, type: 'GoalReviewed', occurredAt: '2026-07-01' }),
        expect.objectContaining({ stream: 'goal', version: 4, type: 'GoalReoriented', occurredAt: '2026-07-02', reason: 'Ziel höher' }),
      ]);
      for (const event of diff.body.events) {
        expect(Date.parse(event.recordedAt)).toBeGreaterThan(Date.parse(t1));
        expect(Date.parse(event.recordedAt)).toBeLessThanOrEqual(Date.parse(t2));
      }
    });

    it('shows every field as new from a moment before the goal existed, and nothing between equal moments', async () => {
      const fromNothing = await get(`/goals/${goalId}/diff?from=${encodeURIComponent(t0)}&to=${encodeURIComponent(t1)}`).expect(200);
      expect(fromNothing.body.from).toEqual({ at: t0, version: null });
      expect(fromNothing.body.changes).toEqual(expect.arrayContaining([{ path: 'title', before: null, after: 'Sprachförderung in Kitas' }, { path: 'status', before: null, after: 'active' }]));
      expect(fromNothing.body.events.map((event: { type: string }) => event.type)).toEqual(['GoalDefined', 'GoalConcretised']);

      const none = await get(`/goals/${goalId}/diff?from=${encodeURIComponent(t2)}&to=${encodeURIComponent(t2)}`).expect(200);
      expect(none.body).toMatchObject({ changes: [], events: [] });
    });

    it('is not found when the goal did not exist at to, or at all', async () => {
      expect((await get(`/goals/${goalId}/diff?from=${yesterday}&to=${encodeURIComponent(t0)}`).expect(404)).body.code).toBe('goal.not_found');
      expect((await get(`/goals/${randomUUID()}/diff?from=${yesterday}&to=${encodeURIComponent(t2)}`).expect(404)).body.code).toBe('goal.not_found');
    });

    it('refuses missing, malformed and reversed moments with a 400 problem', async () => {
      const problem = async (query: string, field: string) => {
        const response = await get(`/goals/${goalId}/diff${query}`).expect(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.code).toBe('validation.failed');
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      };
      await problem(`?to=${encodeURIComponent(t2)}`, 'from');
      await problem(`?from=${encodeURIComponent(t1)}`, 'to');
      await problem(`?from=gestern&to=${encodeURIComponent(t2)}`, 'from');
      await problem(`?from=${encodeURIComponent(t1)}&to=2026-02-30`, 'to');
      await problem(`?from=${encodeURIComponent(t2)}&to=${encodeURIComponent(t1)}`, 'from');
    });
  });

  describe('asOf itself', () => {
    it.each([
      ['garbage', 'letzte Woche'],
      ['a timestamp without zone', '2026-03-10T10:00:00'],
      ['a day that does not exist', '2026-02-30'],
      ['an hour that does not exist', '2026-03-10T25:00:00Z'],
      ['a number', '1773100800000'],
    ])('refuses %s with a 400 problem on every read that takes it', async (_, value) => {
      for (const path of [`/goals/${f.operationalId}`, `/goals/${f.operationalId}/history`, `/networks/${f.networkId}`, `/networks/${f.networkId}/cycle-board`, `/networks/${f.networkId}/cycles`, `/networks/${f.networkId}/reviews-due`]) {
        const response = await asOf(path, value).expect(400);
        expect(response.body).toMatchObject({ code: 'validation.failed', errors: [expect.objectContaining({ field: 'asOf' })] });
      }
    });

    it('takes a timestamp with an offset as the same moment in UTC', async () => {
      const at = new Date(await moment());
      const local = new Date(at.getTime() + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
      const inUtc = await asOf(`/networks/${f.networkId}`, at.toISOString()).expect(200);
      expect((await asOf(`/networks/${f.networkId}`, local).expect(200)).body).toEqual(inUtc.body);
    });
  });

  describe('access', () => {
    const asUser = async (roles: string[], path: string) => {
      const token = await api.tokenFor({ userId: `u-${randomUUID()}`, roles });
      return request(api.app.getHttpServer()).get(`/api/v1${path}`).set('authorization', `Bearer ${token}`);
    };

    it('lets every role of the network read the past of a goal and its diff; to anyone else the goal does not exist', async () => {
      const t = new Date().toISOString();
      const paths = [`/goals/${f.operationalId}?asOf=${encodeURIComponent(t)}`, `/goals/${f.operationalId}/diff?from=${yesterday}&to=${encodeURIComponent(t)}`];
      for (const path of paths) {
        for (const role of ROLES) expect([role, (await asUser([`${role}@${f.networkId}`], path)).status]).toEqual([role, 200]);
        expect((await asUser([`coordinator@${randomUUID()}`], path)).status).toBe(404);
        expect((await asUser(['admin'], path)).status).toBe(404);
        expect((await api.anonymous().get(`/api/v1${path}`)).status).toBe(401);
      }
    });

    it('lets every role of the network read the past of the cycle board', async () => {
      const path = `/networks/${f.networkId}/cycle-board?asOf=${encodeURIComponent(new Date().toISOString())}`;
      for (const role of ROLES) expect((await asUser([`${role}@${f.networkId}`], path)).status).toBe(200);
      expect((await asUser([`coordinator@${randomUUID()}`], path)).status).toBe(404);
    });
  });
});

interface Tree {
  id: string;
  children: Tree[];
}

interface Board {
  cycle: { currentPhase: string };
  goals: Tree[];
}

function flatIds(goals: Tree[]): string[] {
  return goals.flatMap((goal) => [goal.id, ...flatIds(goal.children)]);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

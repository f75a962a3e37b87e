import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EVENT_STORE, EventStore, formatPosition } from '@kreislauf/event-store';
import { ProjectionRunner } from '@kreislauf/read-models';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

/**
 * Events keep the shape they were stored in. A goal written by an older version (GoalDefined and GoalReviewed
 * at schema version 1, before decisions, principles and assessment items) still reads, projects, takes new
 * commands and verifies; the stored rows stay as they were.
 */
describe('schema evolution: events of an old version, stored as they were', () => {
  let api: TestApi;
  let db: Client;
  let fixture: NetworkFixture;
  const goalId = randomUUID();
  const stream = `goal-${goalId}`;
  let position: string;

  beforeAll(async () => {
    api = await startTestApi();
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    fixture = await networkWithGoals(api);
    // The definition as version 1 wrote it: the fixture's own goal, without the fields later versions added.
    const { rows } = await db.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'GoalDefined'`, [`goal-${fixture.operationalId}`]);
    const { decisionId, principleKeys, sourceItem, ...definedV1 } = rows[0].data;
    expect([decisionId, principleKeys, sourceItem]).toEqual([null, [], null]);
    const metadata = (occurredAt: string) => ({
      actor: { userId: 'u-old', displayName: 'Altversion', role: 'coordinator' },
      networkId: fixture.networkId,
      correlationId: randomUUID(),
      causationId: null,
      occurredAt,
    });
    const store = api.app.get<EventStore>(EVENT_STORE);
    const appended = await store.append(
      stream,
      [
        { eventId: randomUUID(), type: 'GoalDefined', schemaVersion: 1, data: { ...definedV1, title: 'Zielgruppe Väter erreichen' }, metadata: metadata(definedV1.definedOn) },
        { eventId: randomUUID(), type: 'GoalReviewed', schemaVersion: 1, data: { reviewedOn: '2026-03-10', assessment: 'at_risk', evidence: 'Teilnahmelisten' }, metadata: metadata('2026-03-10') },
      ],
      'no_stream',
    );
    position = formatPosition(appended.position);
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const storedRows = async () => (await db.query(`SELECT schema_version, data::text AS data, hash FROM events WHERE stream_id = $1 ORDER BY stream_version`, [stream])).rows;

  it('read and project: the goal and its history show the old events with the later fields at their defaults', async () => {
    const goal = await api.http().get(`/api/v1/goals/${goalId}?after=${position}`).expect(200);
    expect(goal.body).toMatchObject({ id: goalId, title: 'Zielgruppe Väter erreichen', status: 'active', lastAssessment: 'at_risk', lastReviewOn: '2026-03-10', decisionId: null, principleKeys: [] });
    const history = await api.http().get(`/api/v1/goals/${goalId}/history`).expect(200);
    expect(history.body.items.map((entry: { type: string }) => entry.type)).toEqual(['GoalDefined', 'GoalReviewed']);
    expect(history.body.items[0].change).toMatchObject({ title: 'Zielgruppe Väter erreichen', principleKeys: [], sourceItem: null });
    expect(history.body.items[1]).toMatchObject({ decision: null, change: { reviewedOn: '2026-03-10', assessment: 'at_risk', evidence: 'Teilnahmelisten' } });
  });

  it('take new commands: the decider folds the old events, the new event is written at today’s version', async () => {
    const reviewed = await api.http().post(`/api/v1/goals/${goalId}/reviews`).set('if-match', '"1"').send({ reviewedOn: '2026-06-10', assessment: 'on_track', evidence: 'Protokoll' }).expect(200);
    expect(reviewed.body.version).toBe(2);
    const rows = await storedRows();
    expect(rows.map((row) => row.schema_version)).toEqual([1, 1, 2]);
    expect(JSON.parse(rows[1].data)).toEqual({ reviewedOn: '2026-03-10', assessment: 'at_risk', evidence: 'Teilnahmelisten' });
    const goal = await api.http().get(`/api/v1/goals/${goalId}?after=${reviewed.body.position}`).expect(200);
    expect([goal.body.lastAssessment, goal.body.lastReviewOn]).toEqual(['on_track', '2026-06-10']);
  });

  it('verify: the hash chain over the old and new events is intact, and was made over the stored form', async () => {
    const verified = await api.http().get(`/api/v1/networks/${fixture.networkId}/audit/verify`).expect(200);
    expect(verified.body).toMatchObject({ ok: true, firstBrokenLink: null });
    const rows = await storedRows();
    expect(rows.every((row) => row.hash !== null)).toBe(true);
    expect(JSON.parse(rows[0].data)).not.toHaveProperty('decisionId');
  });

  it('rebuild: every projection recomputes from the old events to the same goal', async () => {
    const before = (await api.http().get(`/api/v1/goals/${goalId}`).expect(200)).body;
    const runner = api.app.get(ProjectionRunner);
    for (const projection of runner.projections) await runner.rebuild(projection.name);
    expect((await api.http().get(`/api/v1/goals/${goalId}`).expect(200)).body).toEqual(before);
    expect((await storedRows()).map((row) => row.schema_version)).toEqual([1, 1, 2]);
  });
});

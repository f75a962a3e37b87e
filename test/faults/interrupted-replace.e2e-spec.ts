import { Client } from 'pg';
import { networkWithGoals } from '../support/network-fixture';
import { startTestApi, TestApi } from '../support/test-api';

/**
 * A replace reorientation writes two streams: the old goal's GoalReoriented and the replacement's
 * GoalDefined. The database refusing the second (a trigger here; a crash or an outage in production)
 * must leave neither, so that no goal points at a replacement that does not exist.
 */
describe('an interrupted replace reorientation', () => {
  let api: TestApi;
  let db: Client;

  beforeAll(async () => {
    api = await startTestApi();
    db = new Client({ connectionString: api.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const replace = (goalId: string, headers: Record<string, string> = {}) =>
    api
      .http()
      .post(`/api/v1/goals/${goalId}/reorientations`)
      .set(headers)
      .send({
        decision: 'replace',
        rationale: 'Die Familiencafés laufen; jetzt geht es um Väter',
        reorientedOn: '2026-09-12',
        replacement: { title: 'Väter in den Familiencafés erreichen', description: '', qualityGoals: ['participation'], reviewIntervalDays: 90 },
      });
  const goalEvents = async (goalId: string) =>
    (await db.query(`SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version`, [`goal-${goalId}`])).rows.map((row) => row.type as string);
  const replacementsOf = async (goalId: string) =>
    (await db.query(`SELECT stream_id FROM events WHERE type = 'GoalDefined' AND data->>'replacesGoalId' = $1`, [goalId])).rows;

  /** A goal ready to be reoriented: reviewed since its definition. */
  async function reviewedGoal(): Promise<{ operationalId: string; reviewed: string }> {
    const { operationalId } = await networkWithGoals(api);
    const review = await api.http().post(`/api/v1/goals/${operationalId}/reviews`).send({ reviewedOn: '2026-09-01', assessment: 'on_track', evidence: 'läuft' }).expect(200);
    return { operationalId, reviewed: review.body.position };
  }

  /** Makes the database refuse the replacement's definition, the second of the two appends. */
  async function refuseReplacements<T>(work: () => Promise<T>): Promise<T> {
    await db.query(`
      CREATE FUNCTION refuse_replacement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the second append of the replace failed'; END; $$;
      CREATE TRIGGER refuse_replacement BEFORE INSERT ON events FOR EACH ROW
        WHEN (NEW.type = 'GoalDefined' AND NEW.data->>'replacesGoalId' IS NOT NULL) EXECUTE FUNCTION refuse_replacement();`);
    try {
      return await work();
    } finally {
      await db.query(`DROP TRIGGER refuse_replacement ON events; DROP FUNCTION refuse_replacement();`);
    }
  }

  it('writes neither the reorientation nor the replacement when the second append fails', async () => {
    const { operationalId, reviewed } = await reviewedGoal();
    const before = await goalEvents(operationalId);

    const failed = await refuseReplacements(() => replace(operationalId));

    expect(failed.status).toBe(500);
    expect(await goalEvents(operationalId)).toEqual(before);
    expect(await replacementsOf(operationalId)).toEqual([]);
    const goal = await api.http().get(`/api/v1/goals/${operationalId}?after=${reviewed}`).expect(200);
    expect(goal.body).toMatchObject({ status: 'active', lastAssessment: 'on_track' });
  });

  it('leaves no Idempotency-Key claim for it, so that the retry runs afresh and writes both streams once', async () => {
    const { operationalId } = await reviewedGoal();
    const key = `replace-${operationalId}`;
    const before = await goalEvents(operationalId);

    await refuseReplacements(async () => expect((await replace(operationalId, { 'idempotency-key': key })).status).toBe(500));
    expect((await db.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).rows).toEqual([]);

    const retry = await replace(operationalId, { 'idempotency-key': key }).expect(200);
    const again = await replace(operationalId, { 'idempotency-key': key }).expect(200);

    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(retry.body);
    expect(await goalEvents(operationalId)).toEqual([...before, 'GoalReoriented']);
    expect(await replacementsOf(operationalId)).toEqual([{ stream_id: `goal-${retry.body.replacementGoalId}` }]);
    expect(await goalEvents(retry.body.replacementGoalId)).toEqual(['GoalDefined']);
  });
});

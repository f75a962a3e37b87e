import { Client } from 'pg';
import request from 'supertest';
import { networkWithGoals } from '../support/network-fixture';
import { startTestApi, TestApi } from '../support/test-api';

const CLIENTS = 50;
const ROUNDS = 3;

/**
 * Many clients on one goal at once: with If-Match exactly one wins per version, the others get 409 with the
 * current version; with one Idempotency-Key a command sent ten times, some at once, is written once.
 */
describe('concurrent writes', () => {
  let api: TestApi;
  let db: Client;
  let goalId: string;
  const review = (evidence: string, reviewedOn = '2026-03-02') => ({ reviewedOn, assessment: 'on_track', evidence });
  const postReview = (body: object, headers: Record<string, string>) => {
    const test = api.http().post(`/api/v1/goals/${goalId}/reviews`).send(body);
    for (const [name, value] of Object.entries(headers)) test.set(name, value);
    return test;
  };
  const storedEvents = async () =>
    (
      await db.query(`SELECT event_id::text, stream_version, type, data FROM events WHERE stream_id = $1 ORDER BY stream_version`, [`goal-${goalId}`])
    ).rows as { event_id: string; stream_version: number; type: string; data: { evidence?: string } }[];

  beforeAll(async () => {
    api = await startTestApi();
    goalId = (await networkWithGoals(api)).operationalId;
    db = new Client({ connectionString: api.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  it(`lets exactly one of ${CLIENTS} clients with the same If-Match win, round after round, and loses no event`, async () => {
    const before = await storedEvents();
    let version = before.at(-1)!.stream_version;
    const winners: request.Response[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      // when 50 clients review the goal at once, each with the version it read
      const responses = await Promise.all(
        Array.from({ length: CLIENTS }, (_, client) => postReview(review(`round ${round}, client ${client}`), { 'if-match': `"${version}"` })),
      );

      // then exactly one wins, at the next version; every other gets 409 naming the version it lost to
      const won = responses.filter((response) => response.status === 200);
      const lost = responses.filter((response) => response.status !== 200);
      expect(won).toHaveLength(1);
      expect(won[0].body.version).toBe(version + 1);
      expect(won[0].headers.etag).toBe(`"${version + 1}"`);
      expect(lost).toHaveLength(CLIENTS - 1);
      for (const response of lost) {
        expect({ status: response.status, code: response.body.code, currentVersion: response.body.currentVersion }).toEqual({
          status: 409,
          code: 'concurrency.stale_version',
          currentVersion: version + 1,
        });
      }
      winners.push(won[0]);
      version += 1;
    }

    // and the stream holds exactly the winners' reviews, one per version, none lost and none twice
    const after = await storedEvents();
    const added = after.slice(before.length);
    expect(after.map((event) => event.stream_version)).toEqual(after.map((_, index) => index));
    expect(new Set(after.map((event) => event.event_id)).size).toBe(after.length);
    expect(added.map((event) => ({ version: event.stream_version, type: event.type, evidence: event.data.evidence }))).toEqual(
      winners.map((winner, index) => ({ version: winner.body.version, type: 'GoalReviewed', evidence: expect.stringMatching(`^round ${index + 1}, client \\d+$`) })),
    );

    // and the goal's history, read after the last win, shows the same reviews once each
    const history = await api.http().get(`/api/v1/goals/${goalId}/history?after=${winners.at(-1)!.body.position}`).expect(200);
    const historyReviews = history.body.items.filter((entry: { type: string }) => entry.type === 'GoalReviewed').map((entry: { version: number }) => entry.version);
    expect(historyReviews).toEqual(after.filter((event) => event.type === 'GoalReviewed').map((event) => event.stream_version));
  });

  it('writes a command sent ten times with one Idempotency-Key, four and then three of them at once, exactly once', async () => {
    const key = `review-${Date.now()}`;
    const body = review('dieselbe Überprüfung, zehnmal gesendet', '2026-03-05');
    const before = await storedEvents();

    // when the same command is sent 4 times at once, then 3 times one after the other, then 3 times at once;
    // a copy told that the first is still in progress (409 idempotency.in_progress) is retried, as a client would
    const send = async () => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const response = await postReview(body, { 'idempotency-key': key });
        if (!(response.status === 409 && response.body.code === 'idempotency.in_progress')) return response;
        await new Promise((wait) => setTimeout(wait, 50));
      }
      throw new Error('still in progress after 50 attempts');
    };
    const responses = [...(await Promise.all([send(), send(), send(), send()]))];
    for (let i = 0; i < 3; i++) responses.push(await send());
    responses.push(...(await Promise.all([send(), send(), send()])));

    // then all ten got the same answer, nine of them replayed
    expect(responses).toHaveLength(10);
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((response) => JSON.stringify(response.body))).size).toBe(1);
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(9);

    // and the store holds one event for them
    const added = (await storedEvents()).slice(before.length);
    expect(added.map((event) => ({ type: event.type, evidence: event.data.evidence, version: event.stream_version }))).toEqual([
      { type: 'GoalReviewed', evidence: body.evidence, version: responses[0].body.version },
    ]);
  });
});

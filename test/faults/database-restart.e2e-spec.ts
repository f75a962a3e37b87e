import { Client } from 'pg';
import { ApiOnDatabase, DedicatedPostgres, startApiOn, startDedicatedPostgres } from './support/api-on-database';
import { until } from './support/projection-audit';

type Phase = 'up' | 'down' | 'starting' | 'restarted';

interface Outcome {
  writer: number;
  phase: Phase;
  status: number;
  ms: number;
  body: Record<string, unknown>;
  contentType: string;
  retryAfter: string | undefined;
  key: string | undefined;
  sent: object;
}

const WRITERS = 4;
const OUTAGE_MS = 2500;
/** A request that takes longer than this counts as a hang. */
const NO_HANG_MS = 8000;

/**
 * PostgreSQL stops and starts again while clients write. During the outage a write is answered at once
 * with 503 problem details and Retry-After, never 500 and never a hang; afterwards the same api process
 * writes and projects again; and every write that was answered 2xx is in the store.
 */
describe('a database restart while clients write', () => {
  let postgres: DedicatedPostgres;
  let api: ApiOnDatabase;
  /** Ends the writers' loops, also when an expectation failed on the way. */
  let stopWriting = async () => undefined as unknown;

  beforeAll(async () => {
    postgres = await startDedicatedPostgres();
    api = await startApiOn(postgres.url);
  });
  afterAll(async () => {
    await stopWriting();
    await api?.app.close();
    await postgres?.remove();
  });

  it('answers 503 while it is down, recovers by itself, and keeps every acknowledged write', async () => {
    let phase: Phase = 'up';
    let writing = true;
    const outcomes: Outcome[] = [];
    const write = async (writer: number, n: number) => {
      const key = n % 2 === 0 ? `writer-${writer}-${n}` : undefined;
      const sent = { name: `Netzwerk ${writer}-${n}`, region: 'Köln', responsibleBody: 'Jugendamt Köln', municipalities: ['Köln'], registeredOn: '2020-01-01' };
      const started = Date.now();
      const startedIn = phase;
      const request = api.as().post('/api/v1/networks').send(sent).timeout(NO_HANG_MS).ok(() => true);
      if (key) request.set('idempotency-key', key);
      const response = await request.catch(() => null); // only a timeout rejects
      outcomes.push({
        writer,
        phase: startedIn,
        status: response?.status ?? 0, // 0: no answer within NO_HANG_MS
        ms: Date.now() - started,
        body: response?.body ?? {},
        contentType: String(response?.headers['content-type'] ?? ''),
        retryAfter: response?.headers['retry-after'],
        key,
        sent,
      });
    };
    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      for (let n = 0; writing; n++) {
        await write(writer, n);
        await new Promise((wait) => setTimeout(wait, 20));
      }
    });
    stopWriting = () => {
      writing = false;
      return Promise.all(writers);
    };
    const acknowledgedIn = (wanted: Phase) => outcomes.filter((outcome) => outcome.phase === wanted && outcome.status === 201);

    // given clients writing to a healthy service
    await until(async () => acknowledgedIn('up').length >= WRITERS * 3, 20_000);

    // when PostgreSQL stops, stays down a while, and starts again
    await postgres.stop();
    phase = 'down';
    const healthDown = await api.as().get('/health').timeout(NO_HANG_MS);
    await new Promise((wait) => setTimeout(wait, OUTAGE_MS));
    phase = 'starting'; // it accepts connections a moment before it says so
    await postgres.start();
    phase = 'restarted';

    // then every writer gets its writes acknowledged again, without a restart of the api
    await until(async () => new Set(acknowledgedIn('restarted').map((outcome) => outcome.writer)).size === WRITERS, 30_000, 100);
    await stopWriting();

    // and during the outage writes were refused at once with 503 problem details that say when to retry
    const duringOutage = outcomes.filter((outcome) => outcome.phase === 'down');
    expect(duringOutage.length).toBeGreaterThanOrEqual(WRITERS);
    expect(new Set(duringOutage.map((outcome) => outcome.status))).toEqual(new Set([503]));
    const refused = outcomes.filter((outcome) => outcome.status !== 201);
    for (const outcome of refused) {
      expect({ status: outcome.status, code: outcome.body.code, contentType: outcome.contentType, retryAfter: outcome.retryAfter }).toEqual({
        status: 503,
        code: 'service.unavailable',
        contentType: expect.stringContaining('application/problem+json'),
        retryAfter: expect.stringMatching(/^\d+$/),
      });
    }
    // no answer took long: nothing hung on the missing database
    expect(Math.max(...outcomes.map((outcome) => outcome.ms))).toBeLessThan(NO_HANG_MS);
    expect(healthDown.status).toBe(503);

    // and every write answered 201 is in the store, at the version and position it was told
    const acknowledged = outcomes.filter((outcome) => outcome.status === 201);
    const db = new Client({ connectionString: postgres.url });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT substring(stream_id from 9) AS id, stream_version AS version, transaction_id::text || '.' || global_position AS position
           FROM events WHERE stream_id = ANY($1::text[]) AND stream_version = 0`,
        [acknowledged.map((outcome) => `network-${outcome.body.id}`)],
      );
      const stored = new Map(rows.map((row) => [row.id, { version: row.version, position: row.position }]));
      expect(acknowledged.filter((outcome) => !stored.has(String(outcome.body.id)))).toEqual([]);
      for (const outcome of acknowledged) expect(stored.get(String(outcome.body.id))).toEqual({ version: outcome.body.version, position: outcome.body.position });
    } finally {
      await db.end();
    }

    // and the projections run again: the last write can be read, health is up again
    const last = acknowledgedIn('restarted').at(-1)!;
    await until(async () => (await api.as().get(`/api/v1/networks/${last.body.id}?after=${last.body.position}`)).status === 200, 15_000, 200);
    await until(async () => (await api.as().get('/health')).status === 200, 15_000, 200);
    // and the outage made no event "poisoned": a lost database fails a batch, it never passes an event over
    expect((await api.as().get('/health')).body.info.projections.poisoned).toEqual([]);

    // and a retry of a write acknowledged before the outage is answered from its stored idempotency record
    const keyed = acknowledgedIn('up').find((outcome) => outcome.key !== undefined)!;
    const replay = await api.as().post('/api/v1/networks').set('idempotency-key', keyed.key!).send(keyed.sent).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(keyed.body);
  }, 120_000);
});

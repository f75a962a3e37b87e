import { Client } from 'pg';
import { ApiProcess, killAllApiProcesses, startApiProcess } from './support/api-process';
import { DedicatedPostgres, startDedicatedPostgres } from './support/api-on-database';
import { until } from './support/projection-audit';

interface Outcome {
  writer: number;
  status: number;
  retryAfter: string | null;
  code: unknown;
}

const WRITERS = 3;

/**
 * PostgreSQL ends the api's connections in an orderly way: the server shuts down fast (SIGINT to the
 * postmaster) or an administrator terminates the backends. Each ended connection tells its client why
 * (57P01) before it closes, also a connection the api holds between two statements; that must not end
 * the api. It answers 503 with Retry-After meanwhile and goes on by itself, as after a crash of the server.
 */
describe('a graceful stop of PostgreSQL while clients write', () => {
  let postgres: DedicatedPostgres;
  let api: ApiProcess;
  let writing = false;
  let writers: Promise<void>[] = [];
  const outcomes: Outcome[] = [];

  const startWriting = () => {
    writing = true;
    writers = Array.from({ length: WRITERS }, async (_, writer) => {
      for (let n = 0; writing; n++) {
        const response = await api.request('POST', '/api/v1/networks', {
          name: `Netzwerk ${writer}-${n}`,
          region: 'Köln',
          responsibleBody: 'Jugendamt Köln',
          municipalities: ['Köln'],
          registeredOn: '2020-01-01',
        });
        const body = (await response?.json().catch(() => ({}))) as Record<string, unknown> | undefined;
        outcomes.push({ writer, status: response?.status ?? 0, retryAfter: response?.headers.get('retry-after') ?? null, code: body?.code });
        await new Promise((wait) => setTimeout(wait, 10));
      }
    });
  };
  const stopWriting = async () => {
    writing = false;
    await Promise.all(writers);
  };
  const acknowledgedBy = (since: number) => new Set(outcomes.slice(since).filter((outcome) => outcome.status === 201).map((outcome) => outcome.writer));

  beforeAll(async () => {
    postgres = await startDedicatedPostgres();
    api = await startApiProcess({ DATABASE_URL: postgres.url, LOG_LEVEL: 'warn' });
    await api.ready();
  });
  afterEach(stopWriting);
  afterAll(async () => {
    await killAllApiProcesses();
    await postgres?.remove();
  });

  const expectOnlyAcknowledgedOrUnavailable = (from: number) => {
    const refused = outcomes.slice(from).filter((outcome) => outcome.status !== 201);
    for (const outcome of refused) {
      expect({ status: outcome.status, code: outcome.code, retryAfter: outcome.retryAfter }).toEqual({
        status: 503,
        code: 'service.unavailable',
        retryAfter: expect.stringMatching(/^\d+$/),
      });
    }
  };

  it('survives pg_terminate_backend of all its connections during writes', async () => {
    // given clients writing to a healthy service
    const from = outcomes.length;
    startWriting();
    await until(async () => acknowledgedBy(from).size === WRITERS, 20_000);

    // when an administrator terminates every connection of the api, several times over
    const admin = new Client({ connectionString: postgres.url });
    await admin.connect();
    let terminated = 0;
    try {
      for (let round = 0; round < 60; round++) {
        const { rows } = await admin.query(
          `SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND datname = current_database()) AS t`,
        );
        terminated += rows[0].n;
        await new Promise((wait) => setTimeout(wait, 20 + ((round * 7) % 40))); // now between statements, now while connecting
      }
    } finally {
      await admin.end();
    }
    expect(terminated).toBeGreaterThan(WRITERS);

    // then the api still runs, and every writer's writes are acknowledged again
    const after = outcomes.length;
    await until(async () => api.ended() !== null || acknowledgedBy(after).size === WRITERS, 20_000, 50);
    await stopWriting();
    expect({ ended: api.ended(), output: api.ended() ? api.output() : '' }).toEqual({ ended: null, output: '' });
    expectOnlyAcknowledgedOrUnavailable(from);
  }, 60_000);

  it('survives a fast shutdown of the server (SIGINT to the postmaster) and recovers when it is back', async () => {
    // given clients writing to a healthy service
    const from = outcomes.length;
    startWriting();
    await until(async () => acknowledgedBy(from).size === WRITERS, 20_000);

    // when the postmaster is asked to shut down fast, and starts again a little later
    const postmaster = postgres.postmasterPid();
    process.kill(postmaster, 'SIGINT');
    await until(async () => !isRunning(postmaster), 20_000, 20);
    const down = outcomes.length;
    await new Promise((wait) => setTimeout(wait, 1500));
    const duringOutage = outcomes.slice(down);
    await postgres.start();

    // then the api still runs, refused writes during the outage with 503, and takes writes again by itself
    const after = outcomes.length;
    await until(async () => api.ended() !== null || acknowledgedBy(after).size === WRITERS, 30_000, 50);
    await stopWriting();
    expect({ ended: api.ended(), output: api.ended() ? api.output() : '' }).toEqual({ ended: null, output: '' });
    expect(duringOutage.length).toBeGreaterThanOrEqual(WRITERS);
    expect(new Set(duringOutage.map((outcome) => outcome.status))).toEqual(new Set([503]));
    expectOnlyAcknowledgedOrUnavailable(from);
    expect((await api.request('GET', '/health'))?.status).toBe(200);
  }, 60_000);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

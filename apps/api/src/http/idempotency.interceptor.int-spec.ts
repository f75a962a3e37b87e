import { createHash, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PostgresEventStore } from '@kreislauf/event-store';
import { readModelDataSourceOptions } from '@kreislauf/read-models';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { counterScope, keyedCounterApi } from './testing/keyed-counter';

/**
 * The Idempotency-Key record against a real PostgreSQL, with a request that fails after its append in the
 * ways a process does: the step after it throws, or the database session ends mid-transaction (what
 * PostgreSQL sees when the process is killed or the server stops).
 */
describe('IdempotencyInterceptor on PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let sql: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: db.url });
    await store.migrate();
    dataSource = new DataSource(readModelDataSourceOptions(db.url, 2));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await dataSource?.destroy();
    await store?.close();
    await db?.drop();
  });

  /** A fresh interceptor and executor over the same database, as after a restart of the api. */
  const startApi = () => keyedCounterApi(store, dataSource);

  const storedEvents = async (streamId: string) => (await sql.query(`SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId])).rows;
  const storedKeys = async (key: string) => (await sql.query(`SELECT status_code, response FROM idempotency_keys WHERE key = $1`, [key])).rows;

  it('leaves neither the events nor a claim when the step after the append fails, and the retry runs afresh once', async () => {
    const api = startApi();
    const [key, stream] = [randomUUID(), `counter-${randomUUID()}`];

    await expect(
      api.post(key, stream, 'first', async () => {
        throw new Error('the process failed after the append');
      }),
    ).rejects.toThrow('the process failed after the append');

    expect(await storedEvents(stream)).toEqual([]);
    expect(await storedKeys(key)).toEqual([]);
    const retry = await api.post(key, stream, 'first');
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.body).toMatchObject({ id: stream, version: 0 });
    expect(await storedEvents(stream)).toEqual([{ type: 'Counted', data: { note: 'first' } }]);
    expect(await storedKeys(key)).toEqual([{ status_code: 201, response: retry.body }]);
  });

  it('leaves neither when the database session ends between the append and the answer, and the retry runs afresh once', async () => {
    const [key, stream] = [randomUUID(), `counter-${randomUUID()}`];
    const crashed = startApi();

    await expect(
      crashed.post(key, stream, 'first', async () => {
        // Ends the request's session with its transaction open, as a killed process or a stopped server does.
        await sql.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
        );
      }),
    ).rejects.toThrow();

    expect(await storedEvents(stream)).toEqual([]);
    expect(await storedKeys(key)).toEqual([]);
    const restarted = startApi();
    const retry = await restarted.post(key, stream, 'first');
    expect(retry.body).toMatchObject({ id: stream, version: 0 });
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await storedEvents(stream)).toHaveLength(1);
  });

  it('leaves neither when the process is killed with SIGKILL between the append and the answer, and the retry runs afresh once', async () => {
    const [key, stream] = [randomUUID(), `counter-${randomUUID()}`];
    const root = join(__dirname, '../../../..');
    const child = spawn(process.execPath, ['-r', join(root, 'test/faults/support/register-typescript.js'), join(__dirname, 'testing/keyed-write-until-killed.ts'), db.url, key, stream], {
      cwd: root,
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`the write did not append within 20 s:\n${output}`)), 20_000);
      child.stdout.on('data', (chunk) => {
        output += String(chunk);
        if (!output.includes('appended')) return;
        clearTimeout(timeout);
        resolve();
      });
      child.stderr.on('data', (chunk) => (output += String(chunk)));
      void exited.then(() => reject(new Error(`the process exited before it appended:\n${output}`)));
    });

    child.kill('SIGKILL');
    await exited;

    // PostgreSQL rolls back the open transaction of a session whose process is gone
    await eventually(async () => (await sql.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL`)).rows.length === 0);
    expect(await storedEvents(stream)).toEqual([]);
    expect(await storedKeys(key)).toEqual([]);
    const retry = await startApi().post(key, stream, 'first');
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await storedEvents(stream)).toHaveLength(1);
    expect(await storedKeys(key)).toEqual([{ status_code: 201, response: retry.body }]);
  });

  it('finds the answer of a committed write for a retry after a restart, without writing again', async () => {
    const [key, stream] = [randomUUID(), `counter-${randomUUID()}`];
    const first = await startApi().post(key, stream, 'first');

    const restarted = startApi();
    const retry = await restarted.post(key, stream, 'first');

    expect(retry.body).toEqual(first.body);
    expect(retry.status).toBe(201);
    expect(retry.headers).toMatchObject({ 'idempotent-replayed': 'true', etag: '"0"' });
    expect(restarted.runs()).toBe(0);
    expect(await storedEvents(stream)).toHaveLength(1);
  });

  it('answers a claim left unanswered by an older version with a final "outcome unknown", not "in progress" forever', async () => {
    const api = startApi();
    const [key, stream] = [randomUUID(), `counter-${randomUUID()}`];
    const requestHash = createHash('sha256').update(JSON.stringify({ note: 'first' })).digest('hex');
    await sql.query(`INSERT INTO idempotency_keys (key, scope, request_hash) VALUES ($1, $2, $3)`, [key, counterScope(stream), requestHash]);

    const error = await api.post(key, stream, 'first').catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'idempotency.outcome_unknown' });
    expect(api.runs()).toBe(0);
    expect(await storedEvents(stream)).toEqual([]);
  });

  it('answers a copy that arrives while the first runs with "in progress", and the first commits alone', async () => {
    const api = startApi();
    const [key, stream] = [randomUUID(), `counter-${randomUUID()}`];
    let appended!: () => void;
    let release!: () => void;
    const atAppend = new Promise<void>((resolve) => (appended = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));

    const running = api.post(key, stream, 'first', async () => {
      appended();
      await released;
    });
    await atAppend;
    const copy = await api.post(key, stream, 'first').catch((error: unknown) => error);
    release();
    const first = await running;

    expect(copy).toMatchObject({ code: 'idempotency.in_progress' });
    expect(first.body).toMatchObject({ version: 0 });
    expect(await storedEvents(stream)).toHaveLength(1);
    expect(await storedKeys(key)).toEqual([{ status_code: 201, response: first.body }]);
  });
});

async function eventually(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

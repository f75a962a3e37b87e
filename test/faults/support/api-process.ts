import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { issueEmbeddedToken } from '@kreislauf/storage';
import { freePort } from './api-on-database';

const ROOT = resolve(__dirname, '../../..');
const REGISTER = join(__dirname, 'register-typescript.js');
const MAIN = join(ROOT, 'apps/api/src/main.ts');

export interface ApiProcess {
  pid: number;
  baseUrl: string;
  /** Everything it printed so far. */
  output(): string;
  /** Exit code or signal once it has ended; null while it runs. */
  ended(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Resolves once /health answers at all, rejects if the process ends first. */
  ready(timeoutMs?: number): Promise<void>;
  /** Resolves with how it ended. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** A request as an administrator; null when no answer came within the timeout. */
  request(method: 'GET' | 'POST', path: string, body?: object, timeoutMs?: number): Promise<Response | null>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * `npm start` as a process of its own, from the TypeScript sources (compiled by @swc/core as they load),
 * so that an error nobody handles ends it as it would end the real service.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const secret = randomBytes(32).toString('hex');
  const child: ChildProcess = spawn(process.execPath, ['-r', REGISTER, MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_SECRET: secret,
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '100000',
      READ_YOUR_WRITES_TIMEOUT_MS: '2000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  let end: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit((end = { code, signal }))),
  );
  running.add(child);
  void exited.then(() => running.delete(child));
  const token = await issueEmbeddedToken(new TextEncoder().encode(secret), { userId: 'u-admin', displayName: 'Admin', roles: ['admin'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  const request = async (method: 'GET' | 'POST', path: string, body?: object, timeoutMs = 8000) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    }).catch(() => null);
  return {
    pid: child.pid!,
    baseUrl,
    output: () => output,
    ended: () => end,
    exited: () => exited,
    request,
    async ready(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (end) throw new Error(`the api exited before it answered (${JSON.stringify(end)}):\n${output}`);
        if (await request('GET', '/health', undefined, 1000)) return;
        if (Date.now() > deadline) throw new Error(`the api did not answer within ${timeoutMs} ms:\n${output}`);
        await new Promise((wait) => setTimeout(wait, 100));
      }
    },
    async kill(signal) {
      if (!end) child.kill(signal);
      await exited;
    },
  };
}

const running = new Set<ChildProcess>();

/** Kills every api process a spec started and left running (after a failed expectation). */
export async function killAllApiProcesses(): Promise<void> {
  await Promise.all(
    [...running].map((child) => {
      const gone = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      else return Promise.resolve();
      return gone;
    }),
  );
}

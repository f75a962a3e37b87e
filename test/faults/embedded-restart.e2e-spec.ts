import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import readline from 'node:readline';
import { loadConfig, resolveDatabase, runningEmbeddedPostmaster } from '@kreislauf/storage';
import { Client } from 'pg';
import { freePort } from './support/api-on-database';

const ROOT = resolve(__dirname, '../..');
const REGISTER = join(__dirname, 'support/register-typescript.js');
const STARTER = join(__dirname, 'support/embedded-starter.ts');

interface Started {
  child: ChildProcess;
  answer: { url?: string; ownerUrl?: string; error?: string };
}

function startEmbedded(dataDir: string, port: number): Promise<Started> {
  const child = spawn(process.execPath, ['-r', REGISTER, STARTER], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  return new Promise((resolveStart, reject) => {
    child.once('exit', (code) => reject(new Error(`the starter exited (${code}) without an answer`)));
    let log = '';
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{"')) return void (log += `${line}\n`); // Nest's log lines
      const answer = JSON.parse(line);
      resolveStart({ child, answer: answer.error ? { error: `${answer.error}\n${log}` } : answer });
    });
  });
}

const children = new Set<ChildProcess>();

async function currentDatabase(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT current_setting('data_directory') AS dir`)).rows[0].dir;
  } finally {
    await client.end();
  }
}

/**
 * The embedded PostgreSQL outlives a kill -9 of the process that started it. The next start on the same
 * DATA_DIR stops the left-over postmaster and starts its own; a second installation beside it takes a free
 * port when the configured one is taken; the cli and projector find the port the api's server runs on.
 */
describe('the embedded PostgreSQL across a killed api', () => {
  const first = mkdtempSync(join(tmpdir(), 'kreislauf-embedded-a-'));
  const second = mkdtempSync(join(tmpdir(), 'kreislauf-embedded-b-'));

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await new Promise((wait) => setTimeout(wait, 1500));
    for (const dir of [first, second]) {
      const left = runningEmbeddedPostmaster(dir);
      if (left) process.kill(left.pid, 'SIGINT');
    }
    await new Promise((wait) => setTimeout(wait, 1000));
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  it('starts again after kill -9, beside another DATA_DIR on a free port, and the cli finds it', async () => {
    const port = await freePort();

    // given an api that started its embedded PostgreSQL and was then killed with -9
    const killed = await startEmbedded(first, port);
    expect(killed.answer.error).toBeUndefined();
    const leftOver = runningEmbeddedPostmaster(first)!;
    killed.child.kill('SIGKILL');
    await new Promise((wait) => killed.child.once('exit', wait));
    expect(runningEmbeddedPostmaster(first)).toEqual(leftOver); // the postmaster outlived it

    // when it starts again on the same DATA_DIR
    const again = await startEmbedded(first, port);

    // then it starts, on a server of its own data folder, and the left-over postmaster is gone
    expect(again.answer.error).toBeUndefined();
    expect(await currentDatabase(again.answer.ownerUrl!)).toBe(join(first, 'postgres'));
    expect(runningEmbeddedPostmaster(first)!.pid).not.toBe(leftOver.pid);

    // and its superuser has a random password, kept readable by its owner only, in a folder nobody else may write
    const password = readFileSync(join(first, 'postgres-password'), 'utf8');
    expect(decodeURIComponent(new URL(again.answer.ownerUrl!).password)).toBe(password);
    expect(password).not.toBe('kreislauf');
    expect((statSync(join(first, 'postgres-password')).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(first).mode & 0o777).toString(8)).toBe(process.getuid?.() === 0 ? '711' : '700');

    // and a second installation with the same EMBEDDED_PG_PORT, now taken, starts on another port
    const beside = await startEmbedded(second, port);
    expect(beside.answer.error).toBeUndefined();
    expect(new URL(beside.answer.url!).port).not.toBe(String(port));
    expect(await currentDatabase(beside.answer.ownerUrl!)).toBe(join(second, 'postgres'));

    // and the cli of the second installation finds its server on that port, not the first one's
    const cli = await resolveDatabase(loadConfig({ DATA_DIR: second, EMBEDDED_PG_PORT: String(port), LOG_LEVEL: 'silent' }), { reuseRunning: true });
    expect({ url: cli.url, owner: cli.owner?.url, embedded: cli.embedded }).toEqual({ url: beside.answer.url, owner: beside.answer.ownerUrl, embedded: null });
  }, 90_000);

  it('refuses to start on a DATA_DIR whose api still runs, and leaves that api its database', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'kreislauf-embedded-shared-'));
    try {
      // given a live process that started the embedded PostgreSQL of a folder
      const live = await startEmbedded(shared, await freePort());
      expect(live.answer.error).toBeUndefined();
      const server = runningEmbeddedPostmaster(shared)!;

      // when a second start is made on the same folder
      const second = await startEmbedded(shared, await freePort()).catch((error) => ({ answer: { error: String(error) } }) as Started);

      // then it is refused with the reason, and the first one's server runs on untouched
      expect(second.answer.error).toMatch(/is in use: its embedded PostgreSQL \(pid \d+\) serves the running process \d+/);
      expect(runningEmbeddedPostmaster(shared)).toEqual(server);
      expect(await currentDatabase(live.answer.ownerUrl!)).toBe(join(shared, 'postgres'));

      live.child.kill('SIGINT');
      await new Promise((wait) => live.child.once('exit', wait));
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  }, 60_000);

  it('says why PostgreSQL refused to start', async () => {
    // given a data folder that is no PostgreSQL data folder of a usable version
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const broken = mkdtempSync(join(tmpdir(), 'kreislauf-embedded-broken-'));
    mkdirSync(join(broken, 'postgres'));
    writeFileSync(join(broken, 'postgres', 'PG_VERSION'), '9\n');
    try {
      // when the api starts on it
      const refused = await startEmbedded(broken, await freePort()).catch((error) => ({ answer: { error: String(error) } }) as Started);

      // then the message carries PostgreSQL's own reason
      expect(refused.answer.error).toMatch(/did not start/);
      expect(refused.answer.error).not.toMatch(/no reason given/);
      expect(refused.answer.error).toMatch(/FATAL|could not|invalid|incompatible|missing/i);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 30_000);

});

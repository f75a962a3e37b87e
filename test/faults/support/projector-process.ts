import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const REGISTER = join(__dirname, 'register-typescript.js');
const MAIN = join(ROOT, 'apps/projector/src/main.ts');

export interface ProjectorProcess {
  /** The operating system's process id. */
  pid: number;
  /** Its connections' application_name in pg_stat_activity (PGAPPNAME), by which the tests tell the processes apart. */
  name: string;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves once it logged that it runs, rejects if it exits first. */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends the signal and resolves when the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * `npm run projector` as a process of its own, from the TypeScript sources (compiled by @swc/core as they
 * load, so no build is needed), on the given database.
 */
export function startProjector(name: string, databaseUrl: string, env: Record<string, string> = {}): ProjectorProcess {
  const child: ChildProcess = spawn(process.execPath, ['-r', REGISTER, MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PGAPPNAME: name, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  running.add(child);
  void exited.then(() => running.delete(child));
  return {
    pid: child.pid!,
    name,
    output: () => output,
    async ready(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes('projector running')) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`projector ${name} exited before it ran:\n${output}`);
        if (Date.now() > deadline) throw new Error(`projector ${name} did not start within ${timeoutMs} ms:\n${output}`);
        await new Promise((wait) => setTimeout(wait, 50));
      }
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

const running = new Set<ChildProcess>();

/** Kills every projector a spec started and left running (after a failed expectation). */
export async function killAllProjectors(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolveExit) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolveExit();
          child.once('exit', () => resolveExit());
          child.kill('SIGKILL');
        }),
    ),
  );
}

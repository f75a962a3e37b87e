import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { issueEmbeddedToken, loadConfig } from '@kreislauf/storage';
import autocannon from 'autocannon';
import { createApi } from '../apps/api/src/bootstrap';
import { GoalWrites } from '../apps/api/src/goals/goal.writes';
import { commandContext, setUpNetwork } from './bench-network';
import { freePort } from './postgres';
import { concretise, operationalDefinition } from './goal-data';
import { Latencies, round, summarise } from './stats';

const STRATEGIC_GOALS = 10;
const ASSESSMENTS = ['on_track', 'at_risk', 'off_track', 'achieved'];

export interface HttpRun {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

export interface LagRun {
  commandsPerSecond: number;
  seconds: number;
  commands: number;
  /** POST answered → GET with ?after= answered, i.e. the projection lag plus one read's round trip. */
  lagMs: Latencies;
  failed: number;
  /** What failed, by step and status (or error name). */
  failures: Record<string, number>;
}

export interface HttpBenchResult {
  goals: number;
  runs: HttpRun[];
  lag: LagRun;
  /** The api process's resident memory: the highest sample during the HTTP runs, and the kernel's high-water mark over its life. */
  apiRss: { peakDuringRunsMb: number; highWaterMarkMb: number | null };
}

export interface HttpBenchOptions {
  connections: number[];
  seconds: number;
  goals: number;
  lagRate: number;
  lagSeconds: number;
  log: (line: string) => void;
}

/**
 * `POST /goals/:id/reviews` over HTTP against the api in a process of its own (built output under dist/),
 * projections in-process as `npm start` runs them: autocannon at each connection count, each request a
 * review of the next of `goals` concretised goals; then a steady `lagRate` commands per second, each
 * followed by a read that waits for it (`?after=`), for the projection lag; the api's RSS sampled throughout.
 */
export async function benchHttp(url: string, options: HttpBenchOptions): Promise<HttpBenchResult> {
  const main = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: the HTTP bench runs the built api (npm run bench builds it first)`);
  const secret = randomBytes(32).toString('hex');
  options.log(`  setting up a network with ${options.goals} concretised goals`);
  const { networkId, goalIds } = await setUp(url, secret, options.goals);
  const port = await freePort();
  const api = spawn(process.execPath, ['-r', 'tsconfig-paths/register', main], {
    env: {
      ...process.env,
      TS_NODE_BASEURL: join(__dirname, '..'),
      DATABASE_URL: url,
      AUTH_SECRET: secret,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      PROJECTIONS: 'inprocess',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => api.once('exit', () => resolve()));
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, api);
    const token = await issueEmbeddedToken(new TextEncoder().encode(secret), { userId: 'bench-steering', displayName: 'Steuerungsgruppe', roles: [`steering@${networkId}`] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const rss = watchRss(api.pid!);
    const runs: HttpRun[] = [];
    let next = 0;
    for (const connections of options.connections) {
      options.log(`  ${connections} connections, ${options.seconds} s`);
      const result = await autocannon({
        url: base,
        connections,
        duration: options.seconds,
        requests: [
          {
            method: 'POST',
            headers,
            setupRequest: (request) => {
              const n = next++;
              return { ...request, path: `/api/v1/goals/${goalIds[n % goalIds.length]}/reviews`, body: JSON.stringify(reviewBody(n)) };
            },
          },
        ],
      });
      const run: HttpRun = {
        connections,
        seconds: options.seconds,
        requests: result.requests.total,
        perSecond: round(result.requests.total / options.seconds),
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
      options.log(`    ${run.perSecond} reviews/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, ${run.non2xx} non-2xx`);
      runs.push(run);
    }
    const peakDuringRunsMb = rss.stop();
    options.log(`  steady ${options.lagRate} commands/s for ${options.lagSeconds} s, each followed by a read that waits for it`);
    const lag = await steadyLag(base, headers, goalIds, options.lagRate, options.lagSeconds);
    options.log(`    lag p50 ${lag.lagMs.p50} ms, p99 ${lag.lagMs.p99} ms`);
    return { goals: goalIds.length, runs, lag, apiRss: { peakDuringRunsMb, highWaterMarkMb: highWaterMark(api.pid!) } };
  } finally {
    api.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (api.exitCode === null) api.kill('SIGKILL');
  }
}

function reviewBody(n: number) {
  return { reviewedOn: '2026-06-15', assessment: ASSESSMENTS[n % ASSESSMENTS.length], evidence: 'Halbjahreszahlen der Lotsinnen' };
}

/** The network, its cycle in the steering phase and the goals, through the writes of a short-lived app. */
async function setUp(url: string, secret: string, goals: number): Promise<{ networkId: string; goalIds: string[] }> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: url, AUTH_SECRET: secret, PROJECTIONS: 'off' });
  const app = await createApi({ config, databaseUrl: url, runProjections: false });
  await app.init();
  try {
    const goalWrites = app.get(GoalWrites);
    const { networkId, cycleId, parents } = await setUpNetwork(app, STRATEGIC_GOALS);
    const goalIds: string[] = [];
    for (let index = 0; index < goals; index++) {
      const goalId = randomUUID();
      await goalWrites.define(goalId, operationalDefinition(networkId, cycleId, parents[index % parents.length], index), commandContext());
      await goalWrites.concretise(concretise(goalId, index), commandContext());
      goalIds.push(goalId);
    }
    return { networkId, goalIds };
  } finally {
    await app.close();
  }
}

/** Open loop: a command every 1/rate seconds whatever the answers take, each then read back with ?after=. */
async function steadyLag(base: string, headers: Record<string, string>, goalIds: string[], rate: number, seconds: number): Promise<LagRun> {
  const lags: number[] = [];
  const failures: Record<string, number> = {};
  const fail = (what: string): void => {
    failures[what] = (failures[what] ?? 0) + 1;
  };
  const total = rate * seconds;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const goalId = goalIds[n % goalIds.length];
    pending.push(
      (async () => {
        const written = await fetch(`${base}/api/v1/goals/${goalId}/reviews`, { method: 'POST', headers, body: JSON.stringify(reviewBody(n)) });
        const { position } = (await written.json()) as { position: string };
        if (!written.ok) return fail(`POST ${written.status}`);
        const answered = performance.now();
        const read = await fetch(`${base}/api/v1/goals/${goalId}?after=${position}`, { headers });
        await read.arrayBuffer();
        if (read.ok) lags.push(performance.now() - answered);
        else fail(`GET ${read.status}`);
      })().catch((error: Error) => void fail(error.name)),
    );
  }
  await Promise.all(pending);
  return { commandsPerSecond: rate, seconds, commands: total, lagMs: summarise(lags), failed: total - lags.length, failures };
}

async function waitForHealth(base: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the api exited with code ${api.exitCode} during start`);
    try {
      const response = await fetch(`${base}/health`);
      const body = (await response.json()) as { info?: { projections?: { lag?: Record<string, number> } } };
      const lag = body.info?.projections?.lag;
      if (response.ok && lag && Object.values(lag).every((n) => n === 0)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the api did not answer /health with its projections caught up within 120 s');
}

function watchRss(pid: number): { stop(): number } {
  let peak = 0;
  const sample = () => {
    const kb = statusField(pid, 'VmRSS');
    if (kb !== null) peak = Math.max(peak, kb);
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return round(peak / 1024, 1);
    },
  };
}

function highWaterMark(pid: number): number | null {
  const kb = statusField(pid, 'VmHWM');
  return kb === null ? null : round(kb / 1024, 1);
}

/** A field of /proc/<pid>/status in kB, or null where there is no /proc. */
function statusField(pid: number, field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadConfig, ReadModelPositions } from '@kreislauf/storage';
import { register } from 'prom-client';
import { createApi } from '../apps/api/src/bootstrap';
import { GoalWrites } from '../apps/api/src/goals/goal.writes';
import { commandContext, setUpNetwork } from './bench-network';
import { concretise, measurement, operationalDefinition, review, steeringGroup } from './goal-data';
import { CpuUse, measureCpu } from './cpu';
import { Latencies, summarise } from './stats';

/** The commands each goal receives, in order; every one appends exactly one event. */
export const COMMANDS_PER_GOAL = ['DefineGoal', 'ConcretiseGoal', 'RecordMeasurement', 'RecordMeasurement', 'ReviewGoal'] as const;
const STRATEGIC_GOALS = 10;
const WARMUP_GOALS = 20;

export interface AppendResult {
  clients: number;
  projectionsInProcess: boolean;
  goals: number;
  commands: number;
  seconds: number;
  eventsPerSecond: number;
  latencyMs: Record<string, Latencies>;
  cpu: CpuUse;
  /** With the projections in-process: how far the slowest was behind when the last command returned, and how long it then took to catch up. */
  projectionLag: { eventsBehindAtEnd: number; secondsToCatchUp: number | null } | null;
}

/**
 * The whole API application on a fresh database; a network with an open cycle and 10 strategic goals set
 * up first, then a warm-up round of 20 goals at the same concurrency (neither timed nor counted); then
 * `clients` concurrent senders, each working through its share of the goals one command at a time, through
 * the writes (deciders, event store) as the HTTP controllers do. Each operational goal gets
 * COMMANDS_PER_GOAL; each command appends one event.
 */
export async function benchAppends(url: string, clients: number, goals: number, runProjections: boolean): Promise<AppendResult> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: url, PROJECTIONS: runProjections ? 'inprocess' : 'off' });
  const app = await createApi({ config, databaseUrl: url, runProjections });
  await app.init();
  try {
    const goalWrites = app.get(GoalWrites);
    const positions = app.get(ReadModelPositions);
    const { networkId, cycleId, parents } = await setUpNetwork(app, STRATEGIC_GOALS);

    const samples = new Map<string, number[]>(COMMANDS_PER_GOAL.map((type) => [type, []]));
    let recording = false;
    const timed = async (type: string, send: () => Promise<unknown>) => {
      const started = performance.now();
      await send();
      if (recording) samples.get(type)!.push(performance.now() - started);
    };
    /** `clients` senders share goals first..first+count-1; each sends one command at a time. */
    const round = (first: number, count: number) =>
      Promise.all(
        Array.from({ length: clients }, async (_, k) => {
          for (let index = first + k; index < first + count; index += clients) {
            const goalId = randomUUID();
            const definition = operationalDefinition(networkId, cycleId, parents[index % parents.length], index);
            await timed('DefineGoal', () => goalWrites.define(goalId, definition, commandContext()));
            await timed('ConcretiseGoal', () => goalWrites.concretise(concretise(goalId, index), commandContext()));
            await timed('RecordMeasurement', () => goalWrites.recordMeasurement(measurement(goalId, index, 0), commandContext()));
            await timed('RecordMeasurement', () => goalWrites.recordMeasurement(measurement(goalId, index, 1), commandContext()));
            await timed('ReviewGoal', () => goalWrites.review(review(goalId, index, 0), commandContext(steeringGroup)));
          }
        }),
      );

    // Warm-up at the same concurrency, not counted: opens the pool's connections and lets the JIT settle.
    await round(goals, Math.max(WARMUP_GOALS, 2 * clients));
    if (runProjections) await positions.waitForHead(60_000);

    recording = true;
    const cpu = measureCpu();
    const started = performance.now();
    await round(0, goals);
    const seconds = (performance.now() - started) / 1000;
    const cpuUse = cpu();

    let projectionLag: AppendResult['projectionLag'] = null;
    if (runProjections) {
      const behind = Math.max(0, ...Object.values(await positions.lag()));
      const waitStarted = performance.now();
      const caughtUp = await positions.waitForHead(300_000);
      projectionLag = { eventsBehindAtEnd: behind, secondsToCatchUp: caughtUp ? (performance.now() - waitStarted) / 1000 : null };
    }

    const commands = goals * COMMANDS_PER_GOAL.length;
    const all = [...samples.values()].flat();
    const latencyMs: Record<string, Latencies> = { all: summarise(all) };
    for (const [type, values] of samples) latencyMs[type] = summarise(values);
    return { clients, projectionsInProcess: runProjections, goals, commands, seconds, eventsPerSecond: commands / seconds, latencyMs, cpu: cpuUse, projectionLag };
  } finally {
    await app.close();
    // The app registers its metrics in prom-client's global registry; the next app of this process registers them again.
    register.clear();
  }
}

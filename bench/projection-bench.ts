import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  decideGoal,
  decideNetwork,
  evolveGoal,
  evolveNetwork,
  GoalCommand,
  goalEventOccurredOn,
  GoalState,
  initialGoalState,
  initialNetworkState,
  networkEventOccurredOn,
  NetworkState,
} from '@kreislauf/domain';
import { GlobalPosition, NewEvent, PostgresEventStore } from '@kreislauf/event-store';
import { createProjections, Projection, ProjectionRunner, readModelDataSourceOptions } from '@kreislauf/read-models';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { CpuUse, measureCpu } from './cpu';
import { appendInTransactions, newEvent } from './stream-append';
import { Actor, adjust, concretise, coordinator, Definition, measurement, networkSetup, operationalDefinition, review, steeringGroup, strategicDefinition } from './goal-data';

const STRATEGIC_PER_NETWORK = 5;
const OPERATIONAL_PER_NETWORK = 100;
/** Concurrent appends while loading the history (loading is not what is measured). */
const WRITERS = 4;
const STREAMS_PER_TRANSACTION = 20;

interface StreamAppend {
  streamId: string;
  events: NewEvent[];
}

export interface History {
  networkStreams: StreamAppend[];
  goalStreams: StreamAppend[];
  goalEvents: number;
  networkEvents: number;
}

/**
 * Networks with an open cycle, 5 strategic goals each (defined, reviewed) and 100 operational goals each
 * (defined, concretised with two indicators and a measure, five measurements, two reviews, one adjustment):
 * ten events per operational goal. Every event is decided by the real deciders from a command, with the
 * metadata the write side gives it. Goal streams are cut off once `goalEvents` goal events exist.
 */
export function buildHistory(goalEvents: number): History {
  const history: History = { networkStreams: [], goalStreams: [], goalEvents: 0, networkEvents: 0 };
  const remaining = () => goalEvents - history.goalEvents;
  const addGoal = (goalId: string, networkId: string, commands: [GoalCommand, Actor][]) => {
    const events = goalStream(networkId, commands).slice(0, remaining());
    history.goalStreams.push({ streamId: `goal-${goalId}`, events });
    history.goalEvents += events.length;
  };
  for (let n = 0; remaining() > 0; n++) {
    const networkId = randomUUID();
    const cycleId = randomUUID();
    const networkEvents = networkStream(networkId, cycleId, n);
    history.networkStreams.push({ streamId: `network-${networkId}`, events: networkEvents });
    history.networkEvents += networkEvents.length;
    const parents: string[] = [];
    for (let s = 0; s < STRATEGIC_PER_NETWORK && remaining() > 0; s++) {
      const goalId = randomUUID();
      parents.push(goalId);
      addGoal(goalId, networkId, [
        [define(goalId, strategicDefinition(networkId, cycleId, s)), steeringGroup],
        [review(goalId, s, 0), steeringGroup],
      ]);
    }
    for (let o = 0; o < OPERATIONAL_PER_NETWORK && remaining() > 0; o++) {
      const goalId = randomUUID();
      const index = n * OPERATIONAL_PER_NETWORK + o;
      addGoal(goalId, networkId, [
        [define(goalId, operationalDefinition(networkId, cycleId, parents[o % parents.length], index)), coordinator],
        [concretise(goalId, index), coordinator],
        [measurement(goalId, index, 0), coordinator],
        [measurement(goalId, index, 1), coordinator],
        [measurement(goalId, index, 2), coordinator],
        [measurement(goalId, index, 3), coordinator],
        [review(goalId, index, 0), steeringGroup],
        [measurement(goalId, index, 4), coordinator],
        [review(goalId, index, 1), steeringGroup],
        [adjust(goalId), steeringGroup],
      ]);
    }
  }
  return history;
}

/** The facts are what the handler would read from the store: the cycle is open, the parent an active strategic goal. */
function define(goalId: string, definition: Definition): GoalCommand {
  const { networkId } = definition;
  return {
    type: 'DefineGoal',
    goalId,
    data: { ...definition, replacesGoalId: null },
    facts: {
      cycle: { networkId, status: 'open' },
      parent: definition.parentGoalId ? { networkId, level: 'strategic', status: 'active' } : null,
      decision: null,
      principlesInForce: null,
    },
  };
}

function goalStream(networkId: string, commands: [GoalCommand, Actor][]): NewEvent[] {
  let state: GoalState = initialGoalState;
  return commands.flatMap(([command, actor]) => {
    const decided = decideGoal(command, state);
    for (const event of decided) state = evolveGoal(state, event);
    const reason = command.type === 'ReorientGoal' ? command.data.rationale : undefined;
    return decided.map((event) => newEvent(event, actor, networkId, goalEventOccurredOn(event), reason));
  });
}

function networkStream(networkId: string, cycleId: string, index: number): NewEvent[] {
  let state: NetworkState = initialNetworkState;
  return networkSetup(networkId, cycleId, index).flatMap((command) => {
    const decided = decideNetwork(command, state);
    for (const event of decided) state = evolveNetwork(state, event);
    return decided.map((event) => newEvent(event, coordinator, networkId, networkEventOccurredOn(event)));
  });
}

export interface LoadResult {
  streams: number;
  transactions: number;
  cpu: CpuUse;
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Each stream's events in one append, several streams per transaction (the store's appendWithin), WRITERS
 * transactions at a time; networks first. Only the loading is batched this way: the write side appends one
 * command per transaction, which the append benchmark measures.
 */
export async function loadHistory(store: PostgresEventStore, url: string, history: History): Promise<LoadResult> {
  const pool = new Pool({ connectionString: url, max: WRITERS });
  const cpu = measureCpu();
  const started = performance.now();
  try {
    const appendAll = async (streams: StreamAppend[]) => {
      const batches: StreamAppend[][] = [];
      for (let i = 0; i < streams.length; i += STREAMS_PER_TRANSACTION) batches.push(streams.slice(i, i + STREAMS_PER_TRANSACTION));
      await appendInTransactions(pool, batches, WRITERS, async (client, batch) => {
        for (const { streamId, events } of batch) await store.appendWithin(client, streamId, events, 'no_stream');
      });
    };
    await appendAll(history.networkStreams);
    await appendAll(history.goalStreams);
  } finally {
    await pool.end();
  }
  const seconds = (performance.now() - started) / 1000;
  const events = history.goalEvents + history.networkEvents;
  const transactions = Math.ceil(history.networkStreams.length / STREAMS_PER_TRANSACTION) + Math.ceil(history.goalStreams.length / STREAMS_PER_TRANSACTION);
  return { streams: history.networkStreams.length + history.goalStreams.length, transactions, events, seconds, eventsPerSecond: events / seconds, cpu: cpu() };
}

export interface ProjectionTiming {
  name: string;
  seconds: number;
  eventsPerSecond: number;
  batches: number;
  applySeconds: number;
}

export interface CatchUpResult {
  events: number;
  batchSize: number;
  seconds: number;
  eventsPerSecond: number;
  /** What catchUp() returned: events read, summed over the projections. */
  eventsRead: number;
  perProjection: ProjectionTiming[];
  rows: Record<string, number>;
  cpu: CpuUse;
}

/**
 * ProjectionRunner.catchUp() over every projection from position 0 on a fresh read-model schema. The
 * projections are wrapped only to time apply(); they read the log together and apply each batch side by
 * side, so the per-projection wall time runs from the start to the runner's beforeCommit hook of that
 * projection's last batch, just before its last commit.
 */
export async function benchCatchUp(dataSource: DataSource, store: PostgresEventStore, events: number, batchSize: number): Promise<CatchUpResult> {
  const timings = new Map<string, { batches: number; applyMs: number; lastMark: number }>();
  const projections: Projection[] = createProjections().map((projection) => {
    timings.set(projection.name, { batches: 0, applyMs: 0, lastMark: 0 });
    return {
      name: projection.name,
      eventTypes: projection.eventTypes,
      tables: projection.tables,
      apply: async (batch, manager) => {
        const started = performance.now();
        await projection.apply(batch, manager);
        const timing = timings.get(projection.name)!;
        timing.applyMs += performance.now() - started;
        timing.batches += 1;
      },
    };
  });
  const runner = new ProjectionRunner(dataSource, store, projections, {
    batchSize,
    beforeCommit: async (name) => {
      timings.get(name)!.lastMark = performance.now();
    },
  });

  const cpu = measureCpu();
  const started = performance.now();
  const eventsRead = await runner.catchUp();
  const finished = performance.now();
  const cpuUse = cpu();

  const perProjection = projections.map(({ name }) => {
    const timing = timings.get(name)!;
    const seconds = (timing.lastMark - started) / 1000;
    return { name, seconds, eventsPerSecond: events / seconds, batches: timing.batches, applySeconds: timing.applyMs / 1000 };
  });
  const seconds = (finished - started) / 1000;
  const rows: Record<string, number> = {};
  for (const table of ['rm_networks', 'rm_cycles', 'rm_goals', 'rm_goal_history']) {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
    rows[table] = count;
  }
  return { events, batchSize, seconds, eventsPerSecond: events / seconds, eventsRead, perProjection, rows, cpu: cpuUse };
}

/** readAll alone, batch after batch, with no projection: how much of the catch-up is reading. */
export async function benchReadAll(store: PostgresEventStore, batchSize: number): Promise<{ events: number; seconds: number; eventsPerSecond: number; cpu: CpuUse }> {
  const cpu = measureCpu();
  const started = performance.now();
  let after: GlobalPosition | null = null;
  let events = 0;
  for (;;) {
    const batch = await store.readAll({ after, limit: batchSize });
    if (batch.length === 0) break;
    events += batch.length;
    after = batch[batch.length - 1].position;
  }
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, eventsPerSecond: events / seconds, cpu: cpu() };
}

export async function openReadModels(url: string): Promise<DataSource> {
  const dataSource = new DataSource(readModelDataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

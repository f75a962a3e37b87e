import { randomBytes, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { QueryBus } from '@nestjs/cqrs';
import { decideGoal, evolveGoal, GoalEvent, goalEventOccurredOn, initialGoalState, upcast } from '@kreislauf/domain';
import { EVENT_STORE, EventStore, NewEvent } from '@kreislauf/event-store';
import { issueEmbeddedToken, loadConfig, ReadModelPositions } from '@kreislauf/storage';
import { register } from 'prom-client';
import { createApi } from '../apps/api/src/bootstrap';
import { GoalWrites } from '../apps/api/src/goals/goal.writes';
import { GetGoal } from '../apps/api/src/goals/goal.queries';
import { NetworkWrites } from '../apps/api/src/networks/network.writes';
import { CommandContext } from '../apps/api/src/write/command-context';
import { CpuUse, measureCpu } from './cpu';
import { concretise, coordinator, measurement, networkSetup, operationalDefinition, review, steeringGroup, strategicDefinition } from './goal-data';
import { Latencies, round, summarise } from './stats';

const WARMUP_READS = 20;
/** Events of the goal per append after its definition and concretisation: record times spread over 100 appends. */
const APPEND_SIZE = 10;
/** Every this many commands of the goal, a review instead of a measurement. */
const REVIEW_EVERY = 50;

export interface TimeTravelResult {
  /** Events in the goal's stream (its network's stream adds a few more to the replay). */
  goalEvents: number;
  networkEvents: number;
  readCount: number;
  /** Size of the goal's JSON as the read returns it. */
  responseBytes: number;
  secondsToBuild: number;
  reads: {
    /** GET /goals/{id}?asOf=… over HTTP (loopback), asOf after the last event: every event replayed. */
    asOfHttp: ReadTiming;
    /** The same read through the QueryBus, without HTTP, auth and JSON. */
    asOfQuery: ReadTiming;
    /** asOf halfway through the goal's history, over HTTP. */
    asOfHalfwayHttp: ReadTiming;
    /** The plain GET /goals/{id} from the read model, over HTTP, for comparison. */
    plainHttp: ReadTiming;
    /** GET /goals/{id}/diff from halfway to the end, over HTTP. */
    diffHttp: ReadTiming;
  };
}

export interface ReadTiming {
  latencyMs: Latencies;
  /**
   * CPU time per read of this Node process and of PostgreSQL (null when it is not on this machine): on a
   * shared, busy machine the latency grows with the wait for a core, this does not.
   */
  cpuMsPerRead: { node: number; postgres: number | null };
  cpu: CpuUse;
}

/**
 * The whole API application on a fresh database with the projections in-process: a network with an open
 * cycle, a strategic goal, and an operational goal with `goalEvents` events (defined and concretised through
 * the writes, then measurements with a review every REVIEW_EVERY events, decided by the goal's decider
 * and appended APPEND_SIZE at a time). Then, one read at a time, `readCount` timed reads of each kind after
 * WARMUP_READS untimed ones, over HTTP on the loopback interface and through the QueryBus.
 */
export async function benchTimeTravel(url: string, goalEvents = 1000, readCount = 200): Promise<TimeTravelResult> {
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: url, PROJECTIONS: 'inprocess', RATE_LIMIT_PER_MINUTE: '1000000', AUTH_SECRET: secret });
  const app = await createApi({ config, databaseUrl: url, runProjections: true });
  await app.init();
  await app.listen(0, '127.0.0.1');
  try {
    const networks = app.get(NetworkWrites);
    const goals = app.get(GoalWrites);
    const queries = app.get(QueryBus);
    const context = (actor = coordinator): CommandContext => ({ actor, correlationId: randomUUID(), causationId: null, now: new Date() });

    const buildStarted = performance.now();
    const networkId = randomUUID();
    const cycleId = randomUUID();
    const setup = networkSetup(networkId, cycleId, 0);
    for (const command of setup) await networks.execute(command, context());
    const parentId = randomUUID();
    await goals.define(parentId, strategicDefinition(networkId, cycleId, 0), context(steeringGroup));
    const goalId = randomUUID();
    await goals.define(goalId, operationalDefinition(networkId, cycleId, parentId, 0), context());
    await goals.concretise(concretise(goalId, 0), context());
    // The rest decided by the goal's decider as the handler would, appended APPEND_SIZE events at a time.
    const store = app.get<EventStore>(EVENT_STORE);
    let state = (await store.readStream(`goal-${goalId}`)).map((event) => upcast(event) as unknown as GoalEvent).reduce(evolveGoal, initialGoalState);
    let version = 1;
    let halfway = new Date();
    for (let n = 2; n < goalEvents; n += APPEND_SIZE) {
      const events: NewEvent[] = [];
      for (let k = n; k < Math.min(n + APPEND_SIZE, goalEvents); k++) {
        const command = k % REVIEW_EVERY === 0 ? review(goalId, 0, k) : measurement(goalId, 0, k);
        const actor = command.type === 'ReviewGoal' ? steeringGroup : coordinator;
        for (const event of decideGoal(command, state)) {
          state = evolveGoal(state, event);
          const metadata = { actor, networkId, correlationId: randomUUID(), causationId: null, occurredAt: goalEventOccurredOn(event) };
          events.push({ eventId: randomUUID(), type: event.type, schemaVersion: event.schemaVersion, data: event.data as unknown as Record<string, unknown>, metadata });
        }
      }
      await store.append(`goal-${goalId}`, events, version);
      version += events.length;
      if (n <= goalEvents / 2 && goalEvents / 2 < n + APPEND_SIZE) {
        await pause(5);
        halfway = new Date();
      }
      await pause(2);
    }
    await pause(5);
    const end = new Date();
    await app.get(ReadModelPositions).waitForHead(60_000);
    const secondsToBuild = (performance.now() - buildStarted) / 1000;

    const token = await issueEmbeddedToken(new TextEncoder().encode(secret), { userId: 'bench-reader', roles: [`member@${networkId}`] });
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
    let responseBytes = 0;
    const http = (path: string) => async () => {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 300)}`);
      return text.length;
    };
    const goalPath = `/goals/${goalId}`;
    const asOfHttp = http(`${goalPath}?asOf=${encodeURIComponent(end.toISOString())}`);
    const [plain, past] = [await http(goalPath)(), await asOfHttp()];
    if (plain !== past) throw new Error(`the read as of the end (${past} bytes) differs from the plain read (${plain} bytes)`);
    responseBytes = plain;

    const reads = {
      asOfHttp: await timeReads(readCount, asOfHttp),
      asOfQuery: await timeReads(readCount, () => queries.execute(new GetGoal(goalId, end))),
      asOfHalfwayHttp: await timeReads(readCount, http(`${goalPath}?asOf=${encodeURIComponent(halfway.toISOString())}`)),
      plainHttp: await timeReads(readCount, http(goalPath)),
      diffHttp: await timeReads(readCount, http(`${goalPath}/diff?from=${encodeURIComponent(halfway.toISOString())}&to=${encodeURIComponent(end.toISOString())}`)),
    };
    return { goalEvents, networkEvents: setup.length, readCount, responseBytes, secondsToBuild, reads };
  } finally {
    await app.close();
    // The app registers its metrics in prom-client's global registry; the next app of this process registers them again.
    register.clear();
  }
}

/** One read at a time: WARMUP_READS untimed, then `count` timed. */
async function timeReads(count: number, read: () => Promise<unknown>): Promise<ReadTiming> {
  for (let i = 0; i < WARMUP_READS; i++) await read();
  const samples: number[] = [];
  const cpu = measureCpu();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const readStarted = performance.now();
    await read();
    samples.push(performance.now() - readStarted);
  }
  const msPerRead = (performance.now() - started) / count;
  const use = cpu();
  return {
    latencyMs: summarise(samples),
    cpuMsPerRead: { node: round(use.nodeCores * msPerRead, 2), postgres: use.postgresCores === null ? null : round(use.postgresCores * msPerRead, 2) },
    cpu: use,
  };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

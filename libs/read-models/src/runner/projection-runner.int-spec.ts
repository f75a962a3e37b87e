import { formatPosition, GlobalPosition, PostgresEventStore, StoredEvent } from '@kreislauf/event-store';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { createProjections } from '../read-models';
import { kreisViersenHistory } from '../testing/kreis-viersen.history';
import { allRows, countOf, openReadModels, ReadModelTable, rowsOf, untilReadable } from '../testing/read-model-database';
import { Projection } from '../projection';
import { poisonedEvents, ProjectionRunner, ProjectionRunnerOptions, readCheckpoint } from './projection-runner';

const BATCH_SIZE = 8;
const PROJECTION_NAMES = createProjections().map((projection) => projection.name);

type BeforeCommit = NonNullable<ProjectionRunnerOptions['beforeCommit']>;

describe('ProjectionRunner', () => {
  const { history } = kreisViersenHistory();
  const databases: TestDatabase[] = [];
  const dataSources: DataSource[] = [];
  const stores: PostgresEventStore[] = [];
  let eventsDb: TestDatabase;
  let store: PostgresEventStore;
  let events: StoredEvent[];
  /** The read models of one runner that applied everything in one batch per projection. */
  let cleanRun: DataSource;

  async function database(): Promise<TestDatabase> {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  }

  async function readModelsOn(url: string): Promise<DataSource> {
    const dataSource = await openReadModels(url);
    dataSources.push(dataSource);
    return dataSource;
  }

  /** Read models in a database of their own, reading the shared event store. */
  async function freshReadModels(): Promise<DataSource> {
    return readModelsOn((await database()).url);
  }

  function eventStore(): PostgresEventStore {
    const created = new PostgresEventStore({ connectionString: eventsDb.url });
    stores.push(created);
    return created;
  }

  function runnerOn(readModels: DataSource, options: ProjectionRunnerOptions = {}, onStore = store): ProjectionRunner {
    return new ProjectionRunner(readModels, onStore, createProjections(), { batchSize: BATCH_SIZE, ...options });
  }

  async function checkpointOf(readModels: DataSource, name: string): Promise<GlobalPosition | null> {
    return readCheckpoint(readModels.manager, name);
  }

  beforeAll(async () => {
    eventsDb = await database();
    store = eventStore();
    await store.migrate();
    await history.appendTo(store);
    await untilReadable(store, history.eventCount);
    events = await store.readAll({ limit: 10_000 });

    cleanRun = await freshReadModels();
    await runnerOn(cleanRun, { batchSize: 10_000 }).catchUp();
  });

  afterAll(async () => {
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    await Promise.all(stores.map((each) => each.close()));
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('is given a history that spans several batches and ends in a partial one', () => {
    expect(events).toHaveLength(history.eventCount);
    expect(events.length).toBeGreaterThan(5 * BATCH_SIZE);
    expect(events.length % BATCH_SIZE).not.toBe(0);
  });

  describe('batches and checkpoint', () => {
    it('catches up in batches of the configured size and checkpoints the last event', async () => {
      // given read models next to the events, as in production, and a runner with small batches
      const readModels = await readModelsOn(eventsDb.url);
      const batches: Record<string, number[]> = {};
      const runner = runnerOn(readModels, {
        beforeCommit: async (name, batch) => {
          (batches[name] ??= []).push(batch.length);
        },
      });

      // when it catches up
      const read = await runner.catchUp();

      // then every projection read every event once, in batches of at most seven
      expect(read).toBe(PROJECTION_NAMES.length * events.length);
      const expectedBatches = [...Array(Math.floor(events.length / BATCH_SIZE)).fill(BATCH_SIZE), events.length % BATCH_SIZE];
      for (const name of PROJECTION_NAMES) expect(batches[name]).toEqual(expectedBatches);

      // and its checkpoint is the last event's position, with nothing left to read after it
      const last = events[events.length - 1].position;
      for (const name of PROJECTION_NAMES) {
        const checkpoint = await checkpointOf(readModels, name);
        expect(checkpoint).toEqual(last);
        expect(await store.countAfter(checkpoint)).toBe(0);
      }

      // and the rows are those of a run in one big batch
      expect(await allRows(readModels)).toEqual(await allRows(cleanRun));
      expect(await runner.catchUp()).toBe(0);
    });
  });

  describe('a crash between applying a batch and committing it', () => {
    it('commits nothing of the crashed batch, and a second run ends with the rows of a clean run', async () => {
      // given a runner whose connection dies once in every projection's second batch, just before commit
      const readModels = await freshReadModels();
      const crashed = new Set<string>();
      const batchesSeen: Record<string, number> = {};
      const runner = runnerOn(readModels, {
        beforeCommit: async (name, _batch, manager) => {
          batchesSeen[name] = (batchesSeen[name] ?? 0) + 1;
          if (batchesSeen[name] !== 2 || crashed.has(name)) return;
          crashed.add(name);
          await manager.query('SELECT pg_terminate_backend(pg_backend_pid())');
        },
      });

      // when every projection applies its first batch and crashes in the second
      for (const projection of runner.projections) {
        await expect(runner.runBatch(projection)).resolves.toBe(BATCH_SIZE);
        await expect(runner.runBatch(projection)).rejects.toThrow(/terminat/i);
      }

      // then the rows and checkpoints are exactly those after the first batch: nothing half-applied
      const afterOneBatch = await freshReadModels();
      const oneBatchRunner = runnerOn(afterOneBatch);
      for (const projection of oneBatchRunner.projections) await oneBatchRunner.runBatch(projection);
      expect(await allRows(readModels)).toEqual(await allRows(afterOneBatch));
      for (const name of PROJECTION_NAMES) expect(await checkpointOf(readModels, name)).toEqual(events[BATCH_SIZE - 1].position);

      // when it runs again
      await runner.catchUp();

      // then it ends with the rows of a clean run: no history row twice, none missing
      expect(crashed).toEqual(new Set(PROJECTION_NAMES));
      expect(await allRows(readModels)).toEqual(await allRows(cleanRun));
      const goalEventIds = events.filter((event) => event.streamId.startsWith('goal-')).map((event) => event.eventId);
      const historyIds = (await rowsOf(readModels, 'rm_goal_history')).map((row) => row.event_id);
      expect(historyIds).toHaveLength(history.goalEventCount);
      expect(new Set(historyIds)).toEqual(new Set(goalEventIds));
    });

    it('rolls back a batch whose hook throws, and applies it on the next run', async () => {
      // given a runner that fails once in the goals projection's third batch
      const readModels = await freshReadModels();
      let failures = 0;
      let goalBatches = 0;
      const runner = runnerOn(readModels, {
        beforeCommit: async (name) => {
          if (name !== 'goals' || ++goalBatches !== 3) return;
          failures += 1;
          throw new Error('the process died');
        },
      });

      // when it catches up and fails
      await expect(runner.catchUp()).rejects.toThrow('the process died');

      // then the goals of the first two batches are there, none of the third, checkpointed after the second
      const goalsDefinedInTwoBatches = events.slice(0, 2 * BATCH_SIZE).filter((event) => event.type === 'GoalDefined').length;
      expect(goalsDefinedInTwoBatches).toBeGreaterThan(0);
      expect(await countOf(readModels, 'rm_goals')).toBe(goalsDefinedInTwoBatches);
      expect(await checkpointOf(readModels, 'goals')).toEqual(events[2 * BATCH_SIZE - 1].position);

      // when it catches up again
      await runner.catchUp();

      // then it caught up like a clean run
      expect(failures).toBe(1);
      expect(await allRows(readModels)).toEqual(await allRows(cleanRun));
    });
  });

  describe('rebuild', () => {
    let live: DataSource;
    let runner: ProjectionRunner;
    let hook: BeforeCommit = async () => undefined;

    beforeAll(async () => {
      live = await freshReadModels();
      runner = runnerOn(live, { beforeCommit: (...args) => hook(...args) });
      await runner.catchUp();
    });

    afterEach(() => {
      hook = async () => undefined;
    });

    /** What a read model may look like after a bug or a hand edit: rows that the events no longer explain. */
    const drift: Record<string, string[]> = {
      networks: [`UPDATE rm_networks SET open_cycle_id = NULL`, `UPDATE rm_cycles SET current_phase = NULL`],
      goals: [`UPDATE rm_goals SET title = 'stale', progress_percent = 0`],
      'goal-history': [`DELETE FROM rm_goal_history WHERE stream_version = 0`],
      'cycle-goals': [`UPDATE rm_cycle_goals SET reviews = '[]'`],
    };
    // The history is one network's cycles and goals: the projections of organisations, bodies and offers
    // have nothing in it to drift from, and show their rebuilds in their own specs.
    const withDrift = PROJECTION_NAMES.filter((name) => name in drift);

    it.each(withDrift)('recomputes %s from position 0 to the rows the live run had', async (name) => {
      // given the live rows, and then the projection's tables drifted from them
      const liveRows = await allRows(live);
      for (const statement of drift[name]) await live.query(statement);
      expect(await allRows(live)).not.toEqual(liveRows);

      // when the projection is rebuilt
      const read = await runner.rebuild(name);

      // then it read every event, its tables hold the live rows again, and its checkpoint is at the end
      expect(read).toBe(events.length);
      expect(await allRows(live)).toEqual(liveRows);
      expect(await checkpointOf(live, name)).toEqual(events[events.length - 1].position);
    });

    it('lets readers on other connections see the old rows and checkpoint until the rebuild commits', async () => {
      // given a reader on a connection of its own
      const reader = new Client({ connectionString: dataSourceUrl(live) });
      await reader.connect();
      try {
        const before = await allRows(live);
        const head = events[events.length - 1].position;
        const seenDuringRebuild: { inside: number; outside: number; outsideCheckpoint: string }[] = [];
        hook = async (name, _batch, manager) => {
          if (name !== 'goal-history') return;
          seenDuringRebuild.push({
            inside: await countIn(manager, 'rm_goal_history'),
            outside: Number((await reader.query('SELECT count(*) AS n FROM rm_goal_history')).rows[0].n),
            outsideCheckpoint: (await reader.query(`SELECT commit_position || '.' || prepare_position AS p FROM projection_checkpoints WHERE name = 'goal-history'`)).rows[0].p,
          });
        };

        // when the goal history is rebuilt, looking from both sides after every batch
        await runner.rebuild('goal-history');

        // then inside, the table fills up batch by batch from empty...
        const batches = Math.ceil(events.length / BATCH_SIZE);
        expect(seenDuringRebuild).toHaveLength(batches);
        const inside = seenDuringRebuild.map((seen) => seen.inside);
        expect(inside[0]).toBe(events.slice(0, BATCH_SIZE).filter((event) => event.streamId.startsWith('goal-')).length);
        expect(inside[inside.length - 1]).toBe(history.goalEventCount);
        // ...while the reader sees all the old rows and the old checkpoint all along
        for (const seen of seenDuringRebuild) {
          expect(seen.outside).toBe(history.goalEventCount);
          expect(seen.outsideCheckpoint).toBe(formatPosition(head));
        }
        expect(await allRows(live)).toEqual(before);
      } finally {
        await reader.end();
      }
    });
  });

  describe('an event the projection cannot apply', () => {
    /** Counts the events it applied; fails on one event, or for every batch while the database "is away". */
    function fragile(poisonedId: string) {
      const state = { applied: [] as string[], databaseAway: false };
      const projection: Projection = {
        name: 'fragile',
        eventTypes: ['*'],
        tables: [],
        async apply(batch) {
          if (state.databaseAway) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
          if (batch.some((event) => event.eventId === poisonedId)) throw new TypeError('cannot read the actor of this event');
          state.applied.push(...batch.map((event) => event.eventId));
        },
      };
      return { projection, state };
    }

    it('is recorded as poisoned with its position and error, and the events after it are applied', async () => {
      const readModels = await freshReadModels();
      const poisoned = events[BATCH_SIZE + 3];
      const { projection, state } = fragile(poisoned.eventId);
      const told: string[] = [];
      const runner = new ProjectionRunner(readModels, store, [projection], { batchSize: BATCH_SIZE, onPoisoned: (name, event) => told.push(`${name} ${event.eventId}`) });

      expect(await runner.catchUp()).toBe(events.length);

      expect(state.applied).toEqual(events.filter((event) => event !== poisoned).map((event) => event.eventId));
      expect(await checkpointOf(readModels, 'fragile')).toEqual(events[events.length - 1].position);
      expect(await poisonedEvents(readModels.manager)).toEqual([
        { projection: 'fragile', position: formatPosition(poisoned.position), eventId: poisoned.eventId, streamId: poisoned.streamId, type: poisoned.type, error: 'TypeError: cannot read the actor of this event', recordedAt: expect.any(String) },
      ]);
      expect(told).toEqual([`fragile ${poisoned.eventId}`]);
    });

    it('is not what a database outage makes of an event: the batch fails and is tried again', async () => {
      const readModels = await freshReadModels();
      const { projection, state } = fragile('none');
      const runner = new ProjectionRunner(readModels, store, [projection], { batchSize: BATCH_SIZE });
      state.databaseAway = true;
      await expect(runner.catchUp()).rejects.toMatchObject({ code: '57P01' });
      expect(await checkpointOf(readModels, 'fragile')).toBeNull();
      expect(await poisonedEvents(readModels.manager)).toEqual([]);

      state.databaseAway = false;
      expect(await runner.catchUp()).toBe(events.length);
      expect(state.applied).toHaveLength(events.length);
    });
  });

  describe('two runners on one database', () => {
    it('apply every batch once between them and end with the rows of one runner', async () => {
      // given two runners, each with its own connections to the read models and the store, as two processes
      const url = (await database()).url;
      const applied: Record<string, Record<'first' | 'second', number>> = {};
      const counting =
        (runner: 'first' | 'second'): BeforeCommit =>
        async (name, batch) => {
          applied[name] ??= { first: 0, second: 0 };
          applied[name][runner] += batch.length;
          await new Promise((resolve) => setTimeout(resolve, 5)); // hold the lock a little, so that they meet
        };
      const firstProcess = await readModelsOn(url);
      const secondProcess = await readModelsOn(url);
      const first = runnerOn(firstProcess, { beforeCommit: counting('first') }, eventStore());
      const second = runnerOn(secondProcess, { beforeCommit: counting('second') }, eventStore());

      // when both catch up at the same time
      await Promise.all([first.catchUp(), second.catchUp()]);

      // then between them every event was applied exactly once per projection
      for (const name of PROJECTION_NAMES) expect(applied[name].first + applied[name].second).toBe(events.length);
      // and the rows are those of one runner, the history without duplicates
      expect(await allRows(secondProcess)).toEqual(await allRows(cleanRun));
      expect(await countOf(firstProcess, 'rm_goal_history')).toBe(history.goalEventCount);
    });
  });
});

async function countIn(manager: EntityManager, table: ReadModelTable): Promise<number> {
  const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

function dataSourceUrl(dataSource: DataSource): string {
  return (dataSource.options as { url: string }).url;
}

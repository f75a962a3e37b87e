import { randomUUID } from 'node:crypto';
import { StoredEvent } from '@kreislauf/event-store';
import { createProjections, GoalRow } from '@kreislauf/read-models';
import { coordinator, increase } from '@kreislauf/read-models/testing/event-history';
import { kreisViersenHistory } from '@kreislauf/read-models/testing/kreis-viersen.history';
import { openReadModels, READ_MODEL_TABLES } from '@kreislauf/read-models/testing/read-model-database';
import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { PastReadModels } from './past-read-models';

/** Every table of the networks, goals, goal-history and cycle-goals projections. */
const TABLES: string[] = ['rm_networks', 'rm_cycles', 'rm_network_roles', 'rm_leitbild_versions', 'rm_goals', 'rm_goal_history', 'rm_cycle_goals'];

describe('PastReadModels', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let past: PastReadModels;
  const projections = createProjections();

  // Kreis Viersen's history, then a goal of 2026 carried over into a cycle of 2027: the network's stream changes a goal's row.
  const { history, ids } = kreisViersenHistory();
  const carried = randomUUID();
  const cycle2027 = randomUUID();
  history
    .as(coordinator)
    .defineGoal(carried, { networkId: ids.network, cycleId: ids.cycle2026, parentGoalId: ids.reachFamilies, definedOn: '2026-04-01' })
    .concretise(carried, '2026-04-02', [increase('cafes', 3, 9)])
    .measure(carried, 'cafes', 6, '2026-06-30')
    .review(carried, '2026-10-10', 'on_track')
    .reorient(carried, { decision: 'continue', reorientedOn: '2026-10-12' })
    .reorient(ids.transitions, { decision: 'continue', reorientedOn: '2026-10-12' })
    .review(ids.homeVisitsReplacement, '2026-10-10', 'on_track')
    .reorient(ids.homeVisitsReplacement, { decision: 'continue', reorientedOn: '2026-10-12' })
    .closeCycle(ids.network, ids.cycle2026, '2026-12-15')
    .openCycle(ids.network, cycle2027, { title: 'Qualitätskreislauf 2027', periodFrom: '2027-01-01', periodTo: '2027-12-31', openedOn: '2027-01-10' });
  const events = history.storedEvents();
  const recordedAt = (count: number) => new Date(events[count - 1].recordedAt);
  /** The events in another order than the store's: the replay orders them itself. */
  const shuffled = [...events].reverse();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openReadModels(database.url);
    past = new PastReadModels(dataSource, projections);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });
  beforeEach(async () => {
    await dataSource.query(`TRUNCATE ${TABLES.join(', ')}`);
  });

  const allRows = async (manager: EntityManager) => {
    const rows: Record<string, unknown[]> = {};
    for (const table of TABLES) rows[table] = await manager.query(`SELECT * FROM ${table} ORDER BY ${READ_MODEL_TABLES[table]}`);
    return rows;
  };

  async function projectAll(): Promise<void> {
    await dataSource.transaction(async (manager) => {
      for (const projection of projections) await projection.apply(events, manager);
    });
  }

  /** The live tables after the runner's projections applied the first `count` events, then emptied again. */
  async function projectedUpTo(count: number): Promise<Record<string, unknown[]>> {
    await dataSource.transaction(async (manager) => {
      for (const projection of projections) await projection.apply(events.slice(0, count), manager);
    });
    const rows = await allRows(dataSource.manager);
    await dataSource.query(`TRUNCATE ${TABLES.join(', ')}`);
    return rows;
  }

  it.each([1, 4, 15, Math.floor(events.length / 2), events.length - 1, events.length])(
    'at the record time of event %i shows every row as projecting the events up to it makes it',
    async (count) => {
      const expected = await projectedUpTo(count);

      const rows = await past.at(recordedAt(count), { tables: TABLES }, shuffled, allRows);

      expect(rows).toEqual(expected);
      expect(rows.rm_networks).toHaveLength(1);
    },
  );

  it('shows nothing before the first event, and everything after the last', async () => {
    const before = await past.at(new Date(Date.parse(events[0].recordedAt) - 1), { tables: TABLES }, events, allRows);
    const after = await past.at(new Date('2100-01-01T00:00:00Z'), { tables: TABLES }, events, allRows);

    expect(Object.values(before).every((rows) => rows.length === 0)).toBe(true);
    expect(after).toEqual(await projectedUpTo(events.length));
  });

  it('reads the shadows over full live tables, leaves those as they are, and leaves no shadow behind on the connection', async () => {
    // given live rows of every event
    const expected = await projectedUpTo(5);
    await projectAll();
    const live = await allRows(dataSource.manager);

    // when the past is read more often than the pool has connections
    const reads: Record<string, unknown[]>[] = [];
    for (let round = 0; round < 8; round++) reads.push(await past.at(recordedAt(5), { tables: TABLES }, events, allRows));

    // then each read shows the past, and the live rows are unchanged
    for (const read of reads) expect(read).toEqual(expected);
    expect(await allRows(dataSource.manager)).toEqual(live);
    expect(live.rm_goals.length).toBeGreaterThan(0);
  });

  it('moves forward: the rows at one moment, then at a later one with the events in between applied on top', async () => {
    const carriedOver = events.findIndex((event) => event.type === 'CycleOpened' && event.streamId === `network-${ids.network}` && (event.data as { cycleId: string }).cycleId === cycle2027) + 1;
    const goalOf = (manager: EntityManager) => manager.findOneByOrFail(GoalRow, { id: carried });

    const [earlier, later] = await past.replay({ tables: TABLES }, events, async (state) => {
      await state.advanceTo(recordedAt(carriedOver - 1));
      const first = await goalOf(state.manager);
      await state.advanceTo(recordedAt(carriedOver));
      return [first, await goalOf(state.manager)];
    });

    expect(earlier.cycleIds).toEqual([ids.cycle2026]);
    expect(later.cycleIds).toEqual([ids.cycle2026, cycle2027]);
    expect(later.cycleId).toBe(cycle2027);
    expect(earlier).toEqual(await goalAfter(carriedOver - 1));
    expect(later).toEqual(await goalAfter(carriedOver));
  });

  async function goalAfter(count: number): Promise<GoalRow> {
    await dataSource.transaction(async (manager) => {
      for (const projection of projections) await projection.apply(events.slice(0, count), manager);
    });
    const row = await dataSource.manager.findOneByOrFail(GoalRow, { id: carried });
    await dataSource.query(`TRUNCATE ${TABLES.join(', ')}`);
    return row;
  }

  it('refuses to go back in time within one replay', async () => {
    await expect(
      past.replay({ tables: TABLES }, events, async (state) => {
        await state.advanceTo(recordedAt(10));
        await state.advanceTo(recordedAt(9));
      }),
    ).rejects.toThrow('forward');
  });

  it('lets a read write nothing but its shadow tables', async () => {
    await projectAll();

    const attempt = past.replay({ tables: ['rm_goal_history'] }, events, (state) => state.manager.query('DELETE FROM rm_networks'));

    await expect(attempt).rejects.toThrow(/read-only transaction/);
    expect(await dataSource.query('SELECT id FROM rm_networks')).toEqual([{ id: ids.network }]);
  });

  it('hands a one-row-per-event projection only the events whose rows the read asks for, and their rows are the same', async () => {
    const acts = ['GoalReviewed', 'GoalReoriented'];
    const historyOf = (manager: EntityManager) => manager.query(`SELECT * FROM rm_goal_history ORDER BY event_id`);
    const all = (await past.at(recordedAt(events.length), { tables: TABLES }, events, historyOf)) as { event_type: string }[];

    const narrowed = await past.at(recordedAt(events.length), { tables: TABLES, rowsOf: { rm_goal_history: acts } }, events, historyOf);

    expect(narrowed).toEqual(all.filter((row) => acts.includes(row.event_type)));
    expect(narrowed.length).toBeGreaterThan(5);
    await expect(past.at(new Date(), { tables: ['rm_networks'], rowsOf: { rm_cycles: ['CycleOpened'] } }, events, allRows)).rejects.toThrow('cannot be narrowed');
  });

  it('refuses a table no projection writes', async () => {
    await expect(past.at(new Date(), { tables: ['rm_goals', 'projection_checkpoints'] }, events, allRows)).rejects.toThrow('No projection writes projection_checkpoints');
  });

  it('shows an event by its record time, not by its business time', async () => {
    // A review of 10 October 2026 recorded at the event's record time: before that moment it is not there.
    const reviewIndex = events.findIndex((event: StoredEvent) => event.type === 'GoalReviewed' && event.streamId === `goal-${carried}`);
    const reviewsAt = (moment: Date) => past.at(moment, { tables: ['rm_goals'] }, events, async (manager) => (await manager.findOneByOrFail(GoalRow, { id: carried })).reviews);

    expect(await reviewsAt(new Date(Date.parse(events[reviewIndex].recordedAt) - 1))).toEqual([]);
    expect(await reviewsAt(recordedAt(reviewIndex + 1))).toEqual([expect.objectContaining({ reviewedOn: '2026-10-10', assessment: 'on_track' })]);
  });
});

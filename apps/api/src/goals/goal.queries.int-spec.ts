import { randomUUID } from 'node:crypto';
import { GoalNotFound } from '@kreislauf/domain';
import { createProjections, GoalHistoryRow } from '@kreislauf/read-models';
import { coordinator, increase } from '@kreislauf/read-models/testing/event-history';
import { kreisViersenHistory } from '@kreislauf/read-models/testing/kreis-viersen.history';
import { openReadModels } from '@kreislauf/read-models/testing/read-model-database';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { PastGoal } from '../past/past-goal';
import { PastReadModels } from '../past/past-read-models';
import { pastGoalView, readGoal } from './goal.queries';

/** What a goal read used of the read models when the past was replayed into temporary tables. */
const GOAL_TABLES = { tables: ['rm_goals', 'rm_goal_history'], rowsOf: { rm_goal_history: ['GoalReviewed', 'GoalReoriented'] } };

describe('a goal as of a past moment, folded in memory', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let past: PastReadModels;

  // Reviews, each kind of reorientation, a replacement goal, a late measurement; then a cycle that carries goals over.
  const { history, ids } = kreisViersenHistory();
  const carried = randomUUID();
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
    .openCycle(ids.network, randomUUID(), { title: 'Qualitätskreislauf 2027', periodFrom: '2027-01-01', periodTo: '2027-12-31', openedOn: '2027-01-10' });
  const events = history.storedEvents();
  const goalIds = [carried, ids.reachFamilies, ids.transitions, ids.parents, ids.homeVisits, ids.homeVisitsReplacement, ids.tandems];
  const moments = [
    new Date(Date.parse(events[0].recordedAt) - 1),
    ...events.map((event) => new Date(event.recordedAt)),
    new Date('2100-01-01T00:00:00Z'),
  ];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openReadModels(database.url);
    past = new PastReadModels(dataSource, createProjections());
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const answerOf = async (read: () => unknown) => {
    try {
      return JSON.stringify(await read());
    } catch (error) {
      if (error instanceof GoalNotFound) return 'not found';
      throw error;
    }
  };

  it('answers every goal at every moment byte for byte as a replay into temporary tables does', async () => {
    expect(events.some((event) => event.type === 'GoalReoriented' && (event.data as { decision: string }).decision === 'replace')).toBe(true);
    for (const moment of moments) {
      const replayed = await past.at(moment, GOAL_TABLES, events, async (manager) => Promise.all(goalIds.map((goalId) => answerOf(() => readGoal(manager, goalId)))));

      const folded = await Promise.all(goalIds.map((goalId) => answerOf(() => pastGoalView(new PastGoal(goalId, events).advanceTo(moment), goalId))));

      expect(folded).toEqual(replayed);
    }
    const last = await answerOf(() => pastGoalView(new PastGoal(ids.homeVisits, events).advanceTo(moments[moments.length - 1]), ids.homeVisits));
    expect(JSON.parse(last)).toMatchObject({ status: 'replaced', replacedByGoalId: ids.homeVisitsReplacement });
  });

  it('keeps the history rows of every goal at every moment as the goal history table holds them', async () => {
    for (const moment of moments) {
      const replayed = await past.at(moment, { tables: ['rm_goal_history'] }, events, async (manager) =>
        Promise.all(goalIds.map(async (goalId) => JSON.stringify(await manager.find(GoalHistoryRow, { where: { goalId }, order: { streamVersion: 'ASC' } })))),
      );

      const folded = goalIds.map((goalId) => JSON.stringify(new PastGoal(goalId, events).advanceTo(moment).historyRows()));

      expect(folded).toEqual(replayed);
    }
  });

  it('moves forward like a replay: the goal at one moment, then the events up to a later one on top', async () => {
    const middle = moments[Math.floor(moments.length / 2)];
    const end = moments[moments.length - 1];
    const replayed = await past.replay(GOAL_TABLES, events, async (state) => {
      await state.advanceTo(middle);
      const earlier = await answerOf(() => readGoal(state.manager, ids.homeVisits));
      await state.advanceTo(end);
      return [earlier, await answerOf(() => readGoal(state.manager, ids.homeVisits))];
    });

    const fold = new PastGoal(ids.homeVisits, events);
    const folded = [await answerOf(() => pastGoalView(fold.advanceTo(middle), ids.homeVisits)), await answerOf(() => pastGoalView(fold.advanceTo(end), ids.homeVisits))];

    expect(folded).toEqual(replayed);
    expect(() => fold.advanceTo(middle)).toThrow('forward');
  });
});

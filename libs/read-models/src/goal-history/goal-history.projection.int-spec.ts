import { StoredEvent } from '@kreislauf/event-store';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { coordinator, steeringGroup } from '../testing/event-history';
import { kreisViersenHistory } from '../testing/kreis-viersen.history';
import { openReadModels, rowsOf } from '../testing/read-model-database';
import { REPLAYS } from '../testing/replays';
import { GoalHistoryRow } from './goal-history.entity';
import { GoalHistoryProjection } from './goal-history.projection';

describe('GoalHistoryProjection', () => {
  const projection = new GoalHistoryProjection();
  const { history, ids } = kreisViersenHistory();
  const events = history.storedEvents();
  const goalEvents = events.filter((event) => event.streamId.startsWith('goal-'));
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await openReadModels(db.url);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE rm_goal_history');
  });

  /** Applies each batch in a transaction of its own, as the runner does. */
  async function project(...batches: StoredEvent[][]): Promise<void> {
    for (const batch of batches) await dataSource.transaction((manager) => projection.apply(batch, manager));
  }

  const historyOf = (goalId: string) => dataSource.manager.find(GoalHistoryRow, { where: { goalId }, order: { streamVersion: 'ASC' } });

  it.each(REPLAYS)('%s leaves one row per goal event, as applying every event once', async (_, batchesOf) => {
    // given the rows after every event once
    await project(events);
    const once = await rowsOf(dataSource, 'rm_goal_history');
    await dataSource.query('TRUNCATE rm_goal_history');

    // when the events are applied again
    await project(...batchesOf(events));

    // then the rows are the same: one per goal event
    const again = await rowsOf(dataSource, 'rm_goal_history');
    expect(again).toEqual(once);
    expect(again.map((row) => row.event_id).sort()).toEqual(goalEvents.map((event) => event.eventId).sort());
  });

  it('records each goal event with who, when and why, in stream order', async () => {
    // given / when the whole history
    await project(events);

    // then the adjusted goal's history tells its story
    const rows = await historyOf(ids.parents);
    const stream = goalEvents.filter((event) => event.streamId === `goal-${ids.parents}`);
    expect(rows.map((row) => [row.streamVersion, row.eventType, row.occurredAt])).toEqual([
      [0, 'GoalDefined', '2026-03-15'],
      [1, 'GoalConcretised', '2026-05-05'],
      [2, 'MeasurementRecorded', '2026-06-01'],
      [3, 'MeasurementRecorded', '2026-06-01'],
      [4, 'GoalReviewed', '2026-06-10'],
      [5, 'MeasurementRecorded', '2026-05-15'],
      [6, 'MeasurementRecorded', '2026-09-01'],
      [7, 'MeasurementRecorded', '2026-09-01'],
      [8, 'GoalReviewed', '2026-09-15'],
      [9, 'GoalReoriented', '2026-10-02'],
    ]);
    rows.forEach((row, index) => {
      expect(row).toEqual({
        eventId: stream[index].eventId,
        goalId: ids.parents,
        networkId: ids.network,
        streamVersion: index,
        eventType: stream[index].type,
        occurredAt: stream[index].metadata.occurredAt,
        recordedAt: new Date(stream[index].recordedAt),
        actor: stream[index].metadata.actor,
        reason: stream[index].metadata.reason ?? null,
        correlationId: stream[index].metadata.correlationId,
        data: stream[index].data,
      });
    });
    expect(rows[0].actor).toEqual(coordinator);
    expect(rows[9]).toMatchObject({ actor: steeringGroup, reason: 'Ergebnis der Reflexion im Lenkungskreis', data: { decision: 'adjust' } });
    expect(rows[4].reason).toBeNull();
  });

  it('writes nothing for network events', async () => {
    await project(events.filter((event) => event.streamId.startsWith('network-')));

    expect(await rowsOf(dataSource, 'rm_goal_history')).toEqual([]);
  });
});

import { coordinator, steeringGroup } from '../testing/event-history';
import { kreisViersenHistory } from '../testing/kreis-viersen.history';
import { projectionTestBed, rowsOf } from '../testing/read-model-database';
import { REPLAYS } from '../testing/replays';
import { GoalHistoryRow } from './goal-history.entity';
import { GoalHistoryProjection } from './goal-history.projection';

describe('GoalHistoryProjection', () => {
  const projection = new GoalHistoryProjection();
  const { history, ids } = kreisViersenHistory();
  const events = history.storedEvents();
  const goalEvents = events.filter((event) => event.streamId.startsWith('goal-'));
  const bed = projectionTestBed(projection);
  const { project } = bed;

  const historyOf = (goalId: string) => bed.dataSource.manager.find(GoalHistoryRow, { where: { goalId }, order: { streamVersion: 'ASC' } });

  it.each(REPLAYS)('%s leaves one row per goal event, as applying every event once', async (_, batchesOf) => {
    // given the rows after every event once
    await project(events);
    const once = await rowsOf(bed.dataSource, 'rm_goal_history');
    await bed.dataSource.query('TRUNCATE rm_goal_history');

    // when the events are applied again
    await project(...batchesOf(events));

    // then the rows are the same: one per goal event
    const again = await rowsOf(bed.dataSource, 'rm_goal_history');
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
        schemaVersion: stream[index].schemaVersion,
        data: stream[index].data,
      });
    });
    expect(rows[0].actor).toEqual(coordinator);
    expect(rows[9]).toMatchObject({ actor: steeringGroup, reason: 'Ergebnis der Reflexion im Lenkungskreis', data: { decision: 'adjust' } });
    expect(rows[4].reason).toBeNull();
  });

  it('writes nothing for network events', async () => {
    await project(events.filter((event) => event.streamId.startsWith('network-')));

    expect(await rowsOf(bed.dataSource, 'rm_goal_history')).toEqual([]);
  });
});

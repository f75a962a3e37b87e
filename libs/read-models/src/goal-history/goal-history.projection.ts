import { GOAL_EVENT_TYPES, GoalEvent } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { idOfStream } from '../stream-ids';

const INSERT_CHUNK = 1000;

/** The columns of rm_goal_history (see GoalHistoryRow) with their types, in the order the rows give them. */
const COLUMNS: readonly [string, string][] = [
  ['event_id', 'uuid'],
  ['goal_id', 'uuid'],
  ['network_id', 'uuid'],
  ['stream_version', 'int'],
  ['event_type', 'text'],
  ['occurred_at', 'text'],
  ['recorded_at', 'timestamptz'],
  ['actor', 'jsonb'],
  ['reason', 'text'],
  ['correlation_id', 'text'],
  ['schema_version', 'int'],
  ['data', 'jsonb'],
];

type Row = (string | number | null)[];

export class GoalHistoryProjection implements Projection {
  readonly name = 'goal-history';
  readonly eventTypes = GOAL_EVENT_TYPES;
  readonly tables = ['rm_goal_history'];

  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const rows: Row[] = events
      .filter((event) => this.eventTypes.includes(event.type as GoalEvent['type']))
      .map((event) => [
        event.eventId,
        idOfStream(event.streamId),
        event.metadata.networkId,
        event.streamVersion,
        event.type,
        event.metadata.occurredAt,
        new Date(event.recordedAt).toISOString(),
        JSON.stringify(event.metadata.actor),
        event.metadata.reason ?? null,
        event.metadata.correlationId,
        event.schemaVersion,
        JSON.stringify(event.data),
      ]);
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) await insertRows(manager, rows.slice(start, start + INSERT_CHUNK));
  }
}

/** One statement per chunk, a column per array; a replayed event finds its row already there and is skipped. */
async function insertRows(manager: EntityManager, rows: Row[]): Promise<void> {
  const unnest = COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  await manager.query(
    `INSERT INTO rm_goal_history (${COLUMNS.map(([name]) => name).join(', ')})
     SELECT * FROM unnest(${unnest})
     ON CONFLICT DO NOTHING`,
    COLUMNS.map((_, index) => rows.map((row) => row[index])),
  );
}

import { GOAL_EVENT_TYPES, GoalEvent } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Projection } from '../projection';
import { idOfStream } from '../stream-ids';
import { GoalHistoryRow } from './goal-history.entity';

const INSERT_CHUNK = 500;

export class GoalHistoryProjection implements Projection {
  readonly name = 'goal-history';
  readonly eventTypes = GOAL_EVENT_TYPES;
  readonly tables = ['rm_goal_history'];

  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const rows = events
      .filter((event) => this.eventTypes.includes(event.type as GoalEvent['type']))
      .map((event) =>
        Object.assign(new GoalHistoryRow(), {
          eventId: event.eventId,
          goalId: idOfStream(event.streamId),
          networkId: event.metadata.networkId,
          streamVersion: event.streamVersion,
          eventType: event.type,
          occurredAt: event.metadata.occurredAt,
          recordedAt: new Date(event.recordedAt),
          actor: event.metadata.actor,
          reason: event.metadata.reason ?? null,
          correlationId: event.metadata.correlationId,
          schemaVersion: event.schemaVersion,
          data: event.data,
        }),
      );
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      // A replayed event finds its row already there: skip it.
      await manager.createQueryBuilder().insert().into(GoalHistoryRow).values(rows.slice(start, start + INSERT_CHUNK) as QueryDeepPartialEntity<GoalHistoryRow>[]).orIgnore().execute();
    }
  }
}

import { randomUUID } from 'node:crypto';
import { DomainEvent } from '@kreislauf/domain';
import { EventMetadata, EventStore, NewEvent, StoredEvent } from '@kreislauf/event-store';

export type Actor = EventMetadata['actor'];

interface Append {
  streamId: string;
  events: NewEvent[];
  /** The stream's version before this append; -1 for a new stream. */
  versionBefore: number;
}

/** How a recorder dates its events: record times start here, positions at this commit number. */
export interface RecorderClock {
  recordedFrom: string;
  firstCommit: number;
}

/**
 * The appends a test history makes, one per command, with the metadata a handler would write: the
 * bookkeeping the history builders of each feature share.
 */
export class EventRecorder {
  private readonly appends: Append[] = [];
  private readonly versions = new Map<string, number>();

  constructor(private readonly clock: RecorderClock = { recordedFrom: '2026-01-01T08:00:00.000Z', firstCommit: 1000 }) {}

  record<E extends DomainEvent<string, object>>(
    streamId: string,
    events: E[],
    by: { actor: Actor; networkId: string; occurredOn: (event: E) => string; reason?: (event: E) => string | undefined },
  ): void {
    const correlationId = randomUUID();
    const versionBefore = this.versions.get(streamId) ?? -1;
    this.versions.set(streamId, versionBefore + events.length);
    this.appends.push({
      streamId,
      versionBefore,
      events: events.map((event) => {
        const reason = by.reason?.(event);
        return {
          eventId: randomUUID(),
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data as unknown as Record<string, unknown>,
          metadata: {
            actor: by.actor,
            networkId: by.networkId,
            correlationId,
            causationId: null,
            occurredAt: by.occurredOn(event),
            ...(reason ? { reason } : {}),
          },
        };
      }),
    });
  }

  /** How many events were recorded, in all streams or in those whose id starts with `prefix`. */
  eventCount(prefix = ''): number {
    return this.appends.filter((append) => append.streamId.startsWith(prefix)).reduce((sum, append) => sum + append.events.length, 0);
  }

  /** Appends every command's events, each with the version its stream was at. */
  async appendTo(store: EventStore): Promise<void> {
    for (const { streamId, events, versionBefore } of this.appends) {
      await store.append(streamId, events, versionBefore === -1 ? 'no_stream' : versionBefore);
    }
  }

  /** The events as readAll would return them after appendTo, without a store (positions are made up). */
  storedEvents(): StoredEvent[] {
    const recordedFrom = Date.parse(this.clock.recordedFrom);
    let sequence = 0;
    return this.appends.flatMap(({ streamId, events, versionBefore }, appendIndex) =>
      events.map((event, index) => {
        sequence += 1;
        return {
          ...event,
          streamId,
          streamVersion: versionBefore + 1 + index,
          position: { commit: BigInt(this.clock.firstCommit + appendIndex), prepare: BigInt(sequence) },
          recordedAt: new Date(recordedFrom + sequence * 60_000).toISOString(),
        };
      }),
    );
  }
}

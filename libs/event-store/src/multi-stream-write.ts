import { randomUUID } from 'node:crypto';
import { AppendResult, ConcurrencyError, EventStore, ExpectedVersion, NewEvent, StoredEvent } from './event-store.port';

/** One stream's part of a write that spans several streams. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedVersion: ExpectedVersion;
}

/** Where the records of multi-stream writes go; no domain reader looks at it. */
export const MULTI_STREAM_WRITES = 'multi-stream-writes';
export const WRITE_RECORDED = 'MultiStreamWriteRecorded';
export const WRITE_COMPLETED = 'MultiStreamWriteCompleted';

/** What happened to a recorded write when it was completed. */
export type Completion = { outcome: 'completed'; results: AppendResult[] } | { outcome: 'abandoned'; streamId: string };

/**
 * Appends to several streams on a store that cannot do it atomically (EventStoreDB), as a process
 * manager: the whole write is first recorded as one event, then its appends are made in order, then it
 * is marked completed. Should the process die in between, `completePending` finishes it from the
 * record: an append whose events are stored already is answered from the store (the event ids are in
 * the record), so that completing twice writes nothing twice. An append refused for its version before
 * anything was written means the write lost a race: it is abandoned, whole. A later append refused for
 * its version cannot be undone and is reported by throwing; callers put the append that can lose first.
 */
export class MultiStreamWrites {
  constructor(private readonly store: EventStore) {}

  async write(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) throw new Error('A multi-stream write needs at least one append');
    const recordId = randomUUID();
    await this.store.append(MULTI_STREAM_WRITES, [journalEvent(recordId, WRITE_RECORDED, { appends }, appends[0])], 'any');
    const results: AppendResult[] = [];
    for (const [index, append] of appends.entries()) {
      try {
        results.push(await this.store.append(append.streamId, append.events, append.expectedVersion));
      } catch (error) {
        // Lost the race before writing anything: nothing is left to complete.
        if (index === 0 && error instanceof ConcurrencyError) await this.markCompleted(recordId, append);
        throw error;
      }
    }
    await this.markCompleted(recordId, appends[0]);
    return results;
  }

  /**
   * Finishes every recorded write that has no completion mark, oldest first; returns what became of each.
   * `recordedBefore` leaves alone the writes that may still be running (finishing them too would be
   * harmless, only wasted work).
   */
  async completePending(options: { recordedBefore?: Date } = {}): Promise<Map<string, Completion>> {
    const before = options.recordedBefore?.toISOString();
    const journal = await this.store.readStream(MULTI_STREAM_WRITES);
    const completed = new Set(journal.filter((event) => event.type === WRITE_COMPLETED).map((event) => String(event.data.recordId)));
    const outcomes = new Map<string, Completion>();
    for (const record of journal) {
      if (record.type !== WRITE_RECORDED || completed.has(record.eventId) || (before && record.recordedAt >= before)) continue;
      outcomes.set(record.eventId, await this.complete(record));
    }
    return outcomes;
  }

  private async complete(record: StoredEvent): Promise<Completion> {
    const appends = (record.data as unknown as { appends: StreamAppend[] }).appends;
    const results: AppendResult[] = [];
    for (const [index, append] of appends.entries()) {
      try {
        results.push(await this.store.append(append.streamId, append.events, append.expectedVersion));
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || index > 0) throw error;
        await this.markCompleted(record.eventId, append);
        return { outcome: 'abandoned', streamId: append.streamId };
      }
    }
    await this.markCompleted(record.eventId, appends[0]);
    return { outcome: 'completed', results };
  }

  private async markCompleted(recordId: string, first: StreamAppend): Promise<void> {
    await this.store.append(MULTI_STREAM_WRITES, [journalEvent(randomUUID(), WRITE_COMPLETED, { recordId }, first)], 'any');
  }
}

/** Metadata of the write's first event, without a network: the journal is no network's record. */
function journalEvent(eventId: string, type: string, data: Record<string, unknown>, first: StreamAppend): NewEvent {
  const { metadata } = first.events[0];
  return { eventId, type, schemaVersion: 1, data, metadata: { ...metadata, networkId: '' } };
}

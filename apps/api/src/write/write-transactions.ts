import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { AppendResult, EVENT_STORE, EventStore, EventStoreTransaction, MultiStreamWrites, StreamAppend } from '@kreislauf/event-store';

/** What a command reads and appends through: the open transaction of its request, or the store itself. */
export type StreamAccess = Pick<EventStore, 'append' | 'readStream'>;

/**
 * One transaction per request where the store offers them: every append of the request, and the rows
 * written beside them (the Idempotency-Key record), commit together. Carried in AsyncLocalStorage so
 * that the writes deep in a request join it without passing it along.
 */
@Injectable()
export class WriteTransactions {
  private readonly open = new AsyncLocalStorage<EventStoreTransaction>();
  readonly multiStreamWrites: MultiStreamWrites;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.multiStreamWrites = new MultiStreamWrites(store);
  }

  /** False for EventStoreDB: each append commits on its own. */
  get atomic(): boolean {
    return this.store.transaction !== undefined;
  }

  /**
   * Runs `work` in the transaction already open in this request, or in a new one; without transactions
   * (EventStoreDB) it runs with null and each append commits on its own.
   */
  async run<T>(work: (transaction: EventStoreTransaction | null) => Promise<T>): Promise<T> {
    const current = this.open.getStore();
    if (current) return work(current);
    if (!this.store.transaction) return work(null);
    return this.store.transaction((transaction) => this.open.run(transaction, () => work(transaction)));
  }

  /**
   * Appends to several streams, all or nothing: in one transaction where the store has them; otherwise
   * recorded first and completed by MultiStreamWrites should the process die half-way.
   */
  async appendAcrossStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (!this.atomic) return this.multiStreamWrites.write(appends);
    return this.run(async (transaction) => {
      const results: AppendResult[] = [];
      for (const append of appends) results.push(await transaction!.append(append.streamId, append.events, append.expectedVersion));
      return results;
    });
  }

  /**
   * Reads go through the open transaction too: on a connection of their own they could wait for the pool
   * while every connection is held by a request waiting for them.
   */
  get streams(): StreamAccess {
    return this.open.getStore() ?? this.store;
  }
}

import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  BACKWARDS,
  Direction,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  StreamingRead,
  WrongExpectedVersionError,
  excludeSystemEvents,
  streamNameFilter,
} from '@eventstore/db-client';
import {
  AppendResult,
  ConcurrencyError,
  DuplicateEventError,
  EventStore,
  ExpectedVersion,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from '../event-store.port';
import { comparePositions } from '../global-position';
import {
  assertAppendable,
  comesAfter,
  compareWithStored,
  firstVersionExpected,
  isOwnEvent,
  sameEventId,
  toClientPosition,
  toChainedEventData,
  toConcurrencyError,
  toExpectedRevision,
  toGlobalPosition,
  toStoredEvent,
} from './eventstoredb-mapping';

export interface EventStoreDbEventStoreOptions {
  /** An `esdb://` or `esdb+discover://` connection string. */
  connectionString: string;
  /**
   * Put in front of every stream name this store writes; $all readers return only streams that carry
   * it. Lets several stores share one server (test runs, environments). None by default.
   */
  streamPrefix?: string;
  /** How long to wait before subscribing again after the subscription failed; 1000 ms when absent. */
  resubscribeDelayMs?: number;
}

/** The part of the client this store uses; tests hand in a fake. */
export type EventStoreDbClientPort = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

/** Events per $all read request; a page ends early once the caller has what it needs. */
const ALL_PAGE_SIZE = 500;
/** How often an append with 'any' reads the stream's end again after another writer came first. */
const ANY_VERSION_ATTEMPTS = 5;

/**
 * The event store port on EventStoreDB. $all is one log written by one leader, so its order never
 * skips an event that commits late: positions come from the log itself, not from a sequence.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDbClientPort;
  private readonly prefix: string;
  private readonly resubscribeDelayMs: number;
  private readonly listeners = new Set<() => void>();
  private subscription: AllStreamSubscription | null = null;
  private lastSeen: GlobalPosition | null = null;
  private resubscribeTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(options: EventStoreDbEventStoreOptions, client?: EventStoreDbClientPort) {
    this.client = client ?? EventStoreDBClient.connectionString(options.connectionString);
    this.prefix = options.streamPrefix ?? '';
    this.resubscribeDelayMs = options.resubscribeDelayMs ?? 1000;
  }

  /**
   * The event ids go to the server as its event ids, so a retried append is answered with the first
   * one's result instead of writing a second copy. ESDB's idempotency is best effort: it compares ids
   * only, and with 'any' it looks them up in a cache that a restart empties (with a stream version it
   * checks the stream itself). The api therefore keeps its own Idempotency-Key record in PostgreSQL in
   * front of this store. An id stored in another stream is not recognised at all: ESDB writes it again.
   */
  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    assertAppendable(events);
    toExpectedRevision(expectedVersion); // refuses a malformed version before anything is read
    const firstVersion = firstVersionExpected(expectedVersion);
    if (firstVersion === null) return this.appendAtAnyVersion(streamId, events);
    // The hash to chain to is that of the event at the expected version. Should the stream be elsewhere,
    // the server refuses the append or answers a retry with the stored events: these hashes are not used.
    const [previous] = firstVersion === 0 ? [] : await this.readStream(streamId, { from: firstVersion - 1, to: firstVersion - 1 });
    return this.write(streamId, events, firstVersion, previous?.hash ?? null, expectedVersion);
  }

  /**
   * 'any' is written as the version just read, so that the hashes name the versions the events take:
   * sent as 'any', a write in between would move them and break the chain. Another writer coming first
   * makes it read again. Ids stored already are answered from the stream, as the PostgreSQL adapter
   * does (better than ESDB's own cache, which a restart empties). Reads the whole stream: 'any' is for
   * tools and tests, the api always appends with the version it read.
   */
  private async appendAtAnyVersion(streamId: string, events: NewEvent[]): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.readStream(streamId);
      const index = stored.findIndex((event) => events.some((candidate) => sameEventId(candidate.eventId, event.eventId)));
      if (index >= 0) {
        const earlier = stored.slice(index, index + events.length);
        if (compareWithStored(events, earlier).outcome !== 'same') throw new DuplicateEventError(stored[index].eventId);
        return { nextVersion: earlier[earlier.length - 1].streamVersion, position: earlier[earlier.length - 1].position };
      }
      const last = stored.at(-1);
      const version = last?.streamVersion ?? -1;
      try {
        return await this.write(streamId, events, version + 1, last?.hash ?? null, version === -1 ? 'no_stream' : version);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ANY_VERSION_ATTEMPTS) throw error;
      }
    }
  }

  private async write(
    streamId: string,
    events: NewEvent[],
    firstVersion: number,
    previousHash: string | null,
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    const data = toChainedEventData(streamId, events, firstVersion, previousHash, new Date().toISOString());
    let written;
    try {
      written = await this.client.appendToStream(this.prefix + streamId, data, { expectedRevision: toExpectedRevision(expectedVersion) });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw await this.explainConflict(streamId, events, expectedVersion, error);
      throw error;
    }
    return this.confirmAppend(streamId, events, Number(written.nextExpectedRevision));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const from = Math.max(options.from ?? 0, 0);
    if (options.to !== undefined && options.to < from) return [];
    const read = this.client.readStream(this.prefix + streamId, {
      direction: FORWARDS,
      fromRevision: BigInt(from),
      maxCount: options.to === undefined ? undefined : options.to - from + 1,
      resolveLinkTos: false,
    });
    const events: StoredEvent[] = [];
    try {
      await scan(read, (resolved) => {
        events.push(toStoredEvent(resolved, this.prefix));
        return true;
      });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new Error(`readAll needs a positive integer limit, got ${options.limit}`);
    }
    const events: StoredEvent[] = [];
    await this.scanAll(FORWARDS, options.after ?? null, (resolved) => {
      events.push(toStoredEvent(resolved, this.prefix));
      return events.length < options.limit;
    });
    return events;
  }

  async headPosition(): Promise<GlobalPosition | null> {
    let head: GlobalPosition | null = null;
    await this.scanAll(BACKWARDS, null, (resolved) => {
      head = toGlobalPosition(resolved.event?.position);
      return false;
    });
    return head;
  }

  /** Reads every event after the position to count it: ESDB keeps no count of $all, so this costs O(lag). */
  async countAfter(position: GlobalPosition | null): Promise<number> {
    let count = 0;
    await this.scanAll(FORWARDS, position, () => {
      count++;
      return true;
    });
    return count;
  }

  /**
   * A catch-up subscription to $all wakes the listeners on every new event of this store. After an
   * error or end it subscribes again from the last event it saw, after resubscribeDelayMs. Drops are
   * not always reported, so readers keep polling as well (the projection runner does).
   */
  onAppended(listener: () => void): () => void {
    if (this.closed) throw new Error('The event store is closed');
    this.listeners.add(listener);
    if (this.listeners.size === 1 && !this.subscription && !this.resubscribeTimer) this.subscribe();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatching();
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.stopWatching();
    await this.client.dispose();
  }

  /** Reads the events behind the append's versions: to return their position, and to check their content. */
  private async confirmAppend(streamId: string, events: NewEvent[], lastVersion: number): Promise<AppendResult> {
    const stored = await this.readStream(streamId, { from: lastVersion - events.length + 1, to: lastVersion });
    const comparison = compareWithStored(events, stored);
    if (comparison.outcome === 'other_content') throw new DuplicateEventError(comparison.eventId);
    if (comparison.outcome === 'other_events') {
      throw new Error(
        `EventStoreDB reported versions up to ${lastVersion} of ${streamId} for an append, but they hold other events`,
      );
    }
    // Not the append's own WriteResult.position: the server leaves it out when it answers a retry
    // from its idempotency check, and the event's position is what readStream and readAll report.
    return { nextVersion: lastVersion, position: stored[stored.length - 1].position };
  }

  /**
   * ESDB also answers "wrong expected version" for an append whose first events are stored already
   * and whose later ones are not ("corrupted idempotency"); the port calls that a duplicate.
   */
  private async explainConflict(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
    error: WrongExpectedVersionError,
  ): Promise<Error> {
    const firstVersion = firstVersionExpected(expected);
    // With 'any' no version can be wrong: the conflict can only be a partly stored append.
    if (firstVersion === null) return new DuplicateEventError(events[0].eventId);
    const conflict = toConcurrencyError(streamId, expected, error);
    if (conflict.actualVersion < firstVersion) return conflict;
    const [atFirst] = await this.readStream(streamId, { from: firstVersion, to: firstVersion });
    return atFirst && sameEventId(atFirst.eventId, events[0].eventId) ? new DuplicateEventError(events[0].eventId) : conflict;
  }

  /**
   * Visits this store's events in $all beyond `bound` (after it forwards, before it backwards), page by
   * page, until `visit` returns false. A page starts at the last event of the one before: a read from a
   * position includes the event at it (forwards; backwards it is not promised either way), so that one
   * is skipped.
   */
  private async scanAll(
    direction: Direction,
    bound: GlobalPosition | null,
    visit: (resolved: AllStreamResolvedEvent) => boolean,
  ): Promise<void> {
    const beyond = (position: GlobalPosition) =>
      direction === FORWARDS ? comesAfter(position, bound) : !bound || comparePositions(position, bound) < 0;
    for (;;) {
      const page = { count: 0, last: null as GlobalPosition | null, stopped: false };
      const read = this.client.readAll({
        direction,
        fromPosition: bound ? toClientPosition(bound) : direction === FORWARDS ? START : END,
        maxCount: ALL_PAGE_SIZE,
        resolveLinkTos: false,
      });
      await scan(read, (resolved) => {
        page.count++;
        const recorded = resolved.event;
        const position = toGlobalPosition(recorded?.position);
        if (!recorded || !position) return true;
        page.last = position;
        if (!beyond(position) || !isOwnEvent(recorded, this.prefix)) return true;
        page.stopped = !visit(resolved);
        return !page.stopped;
      });
      if (page.stopped || page.count < ALL_PAGE_SIZE || !page.last) return;
      // A full page that ends where it started would be read again and again.
      if (!beyond(page.last)) throw new Error(`EventStoreDB returned a page of $all that does not move ${direction}`);
      bound = page.last;
    }
  }

  private subscribe(): void {
    const subscription = this.client.subscribeToAll({
      fromPosition: this.lastSeen ? toClientPosition(this.lastSeen) : END,
      resolveLinkTos: false,
      // A stream prefix never starts with '$', so it leaves the system streams out as well.
      filter: this.prefix ? streamNameFilter({ prefixes: [this.prefix] }) : excludeSystemEvents(),
    });
    this.subscription = subscription;
    const current = () => this.subscription === subscription;
    // Whatever was appended while there was no subscription may be readable now.
    subscription.on('confirmation', () => {
      if (current()) this.wakeListeners();
    });
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      if (!current()) return;
      this.lastSeen = toGlobalPosition(resolved.event?.position) ?? this.lastSeen;
      this.wakeListeners();
    });
    subscription.on('error', () => this.replaceSubscription(subscription));
    subscription.on('end', () => this.replaceSubscription(subscription));
    subscription.on('close', () => this.replaceSubscription(subscription));
  }

  /** Called for a subscription that failed or ended; only the current one is replaced, and only while needed. */
  private replaceSubscription(subscription: AllStreamSubscription): void {
    if (this.subscription !== subscription) return;
    this.subscription = null;
    void subscription.unsubscribe().catch(() => undefined); // already broken
    if (this.closed || this.listeners.size === 0 || this.resubscribeTimer) return;
    this.resubscribeTimer = setTimeout(() => {
      this.resubscribeTimer = null;
      if (!this.closed && this.listeners.size > 0 && !this.subscription) this.subscribe();
    }, this.resubscribeDelayMs);
    this.resubscribeTimer.unref();
  }

  private stopWatching(): void {
    if (this.resubscribeTimer) clearTimeout(this.resubscribeTimer);
    this.resubscribeTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    // A later first listener starts from the end again; the position only bridges a failure.
    this.lastSeen = null;
    void subscription?.unsubscribe().catch(() => undefined); // it is going away either way
  }

  private wakeListeners(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        // One faulty listener must neither stop the others nor the subscription calling them.
        process.emitWarning(`An onAppended listener threw: ${String(error)}`);
      }
    }
  }
}

/**
 * Feeds a read's events to `visit` until it returns false or the read ends. A read left early is
 * cancelled: destroying the readable alone would leave its gRPC call open.
 */
async function scan<E>(read: StreamingRead<E>, visit: (event: E) => boolean): Promise<void> {
  let finished = false;
  try {
    for await (const event of read) {
      if (!visit(event)) return;
    }
    finished = true;
  } finally {
    if (!finished) await read.cancel().catch(() => undefined);
  }
}

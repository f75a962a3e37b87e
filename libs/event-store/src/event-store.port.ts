/** The event store port: what the write side and the projection runner need from any event database. */

export const EVENT_STORE = Symbol('EVENT_STORE');

/** Who did it, for whom, and why: stored with every event. */
export interface EventMetadata {
  actor: { userId: string; displayName?: string; role: string };
  networkId: string;
  correlationId: string;
  causationId: string | null;
  /** Business time: when the thing happened (the day of the review), ISO 8601. */
  occurredAt: string;
  reason?: string;
}

export interface NewEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/**
 * A place in the store's one global order. For PostgreSQL `commit` is the writing transaction's id
 * and `prepare` the row's sequence number; for EventStoreDB they are its commit and prepare positions.
 * Positions compare by commit first, then prepare.
 */
export interface GlobalPosition {
  commit: bigint;
  prepare: bigint;
}

export interface StoredEvent extends NewEvent {
  streamId: string;
  /** 0 for the first event of a stream. */
  streamVersion: number;
  position: GlobalPosition;
  /** Record time: when the store wrote it, ISO 8601 with milliseconds. */
  recordedAt: string;
  /**
   * SHA-256 of the event's canonical form (see hash-chain.ts), lower-case hex. Absent where the store
   * holds none (events written before hash chains, until a migration backfills them).
   */
  hash?: string;
  /** The hash of the event before it in the stream; null for version 0. Present when `hash` is. */
  previousHash?: string | null;
}

/** A stream's version as the store's own bookkeeping records it, apart from the events themselves. */
export interface RecordedStreamVersion {
  streamId: string;
  version: number;
}

/** A number is the version the stream must be at (0 after its first event). */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendResult {
  /** The stream's version after the append (the last event's streamVersion). */
  nextVersion: number;
  /** The global position of the last event appended. */
  position: GlobalPosition;
}

export interface ReadStreamOptions {
  /** First stream version to return, inclusive. */
  from?: number;
  /** Last stream version to return, inclusive. */
  to?: number;
}

export interface ReadAllOptions {
  /** Return events after this position; from the start when absent. */
  after?: GlobalPosition | null;
  limit: number;
}

/**
 * Writes that commit together or not at all: appends to several streams, each with its own version
 * check, and rows of the caller's own in the store's database (an idempotency record).
 */
export interface EventStoreTransaction {
  append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  /** Reads on the transaction's own connection: what is committed, and what this transaction wrote. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** One SQL statement on the transaction's connection. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface EventStore {
  /** Atomic per call. Events whose ids are all stored already return the first append's result. */
  append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  /**
   * Runs `work` in one transaction: commits when it resolves, rolls everything back when it throws.
   * Only a store whose events live in a SQL database can offer it (PostgreSQL); EventStoreDB cannot
   * append to two streams atomically and leaves it out.
   */
  transaction?<T>(work: (transaction: EventStoreTransaction) => Promise<T>): Promise<T>;
  /** Stream order; an empty array for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** One global order that never skips an event that commits late. */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /** The position of the newest event readAll can return now, or null for an empty store. */
  headPosition(): Promise<GlobalPosition | null>;
  /** How many events readAll would still return after this position (a projection's lag). */
  countAfter(position: GlobalPosition | null): Promise<number>;
  /** Calls the listener when new events may be readable. Returns the unsubscribe function. */
  onAppended(listener: () => void): () => void;
  /**
   * Pages through the store's own record of each stream's version, by stream id, where the adapter
   * keeps one (PostgreSQL's streams table): it lets a verifier notice a stream whose last events were
   * removed. Adapters without such a record leave it out.
   */
  recordedStreamVersions?(options: { afterStreamId?: string | null; limit: number }): Promise<RecordedStreamVersion[]>;
  close(): Promise<void>;
}

export class ConcurrencyError extends Error {
  readonly code = 'event_store.concurrency';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** -1 when the stream does not exist. */
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${actualVersion}, expected ${String(expected)}`);
  }
}

/** The same event id was stored before with different content, or in another stream. */
export class DuplicateEventError extends Error {
  readonly code = 'event_store.duplicate_event';
  constructor(readonly eventId: string) {
    super(`Event ${eventId} is already stored with other content`);
  }
}

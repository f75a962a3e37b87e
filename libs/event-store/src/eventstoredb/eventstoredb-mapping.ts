/**
 * Pure translations between the event store port and @eventstore/db-client (v6): no I/O here, so
 * every rule the adapter relies on is unit-tested without a server.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  ANY,
  AllStreamResolvedEvent,
  CurrentRevision,
  ExpectedRevision,
  JSONEventData,
  NO_STREAM,
  Position,
  ResolvedEvent,
  WrongExpectedVersionError,
  jsonEvent,
} from '@eventstore/db-client';
import { ConcurrencyError, EventMetadata, ExpectedVersion, GlobalPosition, NewEvent, StoredEvent } from '../event-store.port';
import { comparePositions } from '../global-position';
import { chainHashes } from '../hash-chain';

/**
 * A position field the server sends when it has none: stream reads before server 22.6 carry
 * ulong.MaxValue. Anything at or above it is not a place in the log.
 */
const NO_LOG_POSITION = 2n ** 64n - 1n;

/** The port's expected version as the client's expected revision. */
export function toExpectedRevision(expected: ExpectedVersion): ExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  // -1 means "no stream" to the PostgreSQL adapter too (its version of a missing stream is -1).
  if (expected === -1) return NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < -1) {
    throw new Error(`An expected version is a stream version (0 or more), 'no_stream' or 'any'; got ${String(expected)}`);
  }
  return BigInt(expected);
}

/** The client's current revision as the port's actual version: -1 for a stream that does not exist. */
export function toActualVersion(current: CurrentRevision): number {
  // Servers that report the conflict through gRPC metadata send "-1" for a missing stream, which maps as it is.
  return current === NO_STREAM ? -1 : Number(current);
}

export function toConcurrencyError(
  streamId: string,
  expected: ExpectedVersion,
  error: Pick<WrongExpectedVersionError, 'actualVersion'>,
): ConcurrencyError {
  return new ConcurrencyError(streamId, expected, toActualVersion(error.actualVersion));
}

/**
 * The first stream version an append with this expectation would have written, or null for 'any'.
 * A conflict whose stream already holds our first event id at that version is a partly stored earlier
 * append (ESDB's "corrupted idempotency"), not somebody else's write.
 */
export function firstVersionExpected(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream' || expected === -1) return 0;
  return expected + 1;
}

/** A client position as the port's, or null when the server sent none (or the "no position" marker). */
export function toGlobalPosition(position: Position | undefined | null): GlobalPosition | null {
  if (!position) return null;
  const { commit, prepare } = position;
  if (commit < 0n || prepare < 0n || commit >= NO_LOG_POSITION || prepare >= NO_LOG_POSITION) return null;
  return { commit, prepare };
}

export function toClientPosition(position: GlobalPosition): Position {
  return { commit: position.commit, prepare: position.prepare };
}

/**
 * An event's place in its stream's hash chain. ESDB has no columns for it, so it travels in the
 * metadata under a reserved key; `recordedAt` is there because the hash must cover the record time
 * and the server's own `created` is known only after the append.
 */
export interface ChainMetadata {
  recordedAt: string;
  previousHash: string | null;
  hash: string;
}

/** The metadata key that holds ChainMetadata: reserved, never part of the port's metadata. */
export const CHAIN_METADATA_KEY = 'hashChain';

/** What ESDB stores as an event's metadata: ours, plus the schema version it has no field for, plus the chain. */
export interface StoredMetadata extends EventMetadata {
  schemaVersion: number;
  [CHAIN_METADATA_KEY]?: ChainMetadata;
}

/**
 * The event id goes to the server as the event's id, so that ESDB's own idempotency check can
 * recognise a retried append (best effort: see EventStoreDbEventStore.append).
 */
export function toEventData(event: NewEvent, chain?: ChainMetadata): JSONEventData {
  const metadata: StoredMetadata = { ...event.metadata, schemaVersion: event.schemaVersion, ...(chain ? { [CHAIN_METADATA_KEY]: chain } : {}) };
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: { ...metadata } });
}

/**
 * The events of an append as ESDB should store them, chained: they will take the versions from
 * `firstVersion` on, and the first one follows the event whose hash is `previousHash` (null for a new stream).
 */
export function toChainedEventData(
  streamId: string,
  events: NewEvent[],
  firstVersion: number,
  previousHash: string | null,
  recordedAt: string,
): JSONEventData[] {
  const hashable = events.map((event, index) => ({ ...event, streamId, streamVersion: firstVersion + index, recordedAt }));
  const hashes = chainHashes(hashable, previousHash);
  return events.map((event, index) => toEventData(event, { recordedAt, ...hashes[index] }));
}

/** Events of system streams ($stats-…, $$metadata, $settings) and system event types ($>, $metadata, …). */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/**
 * Whether readAll and the other $all readers return this recorded event: a user event of a stream
 * inside the store's prefix.
 */
export function isOwnEvent(event: { streamId: string; type: string }, streamPrefix: string): boolean {
  return !isSystemEvent(event) && event.streamId.startsWith(streamPrefix);
}

/**
 * ESDB reads $all from a position inclusively: the event at exactly `after` comes back first and
 * must be skipped. Anything before it cannot come back, but is skipped as well.
 */
export function comesAfter(position: GlobalPosition, after: GlobalPosition | null | undefined): boolean {
  return !after || comparePositions(position, after) > 0;
}

type AnyResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

/** A recorded event as the port's StoredEvent; the prefix is taken off the stream name. */
export function toStoredEvent(resolved: AnyResolvedEvent, streamPrefix = ''): StoredEvent {
  const recorded = resolved.event;
  if (!recorded) throw new Error('EventStoreDB returned a read result without an event (an unresolved link?)');
  const where = `event ${recorded.id} at version ${recorded.revision} of ${recorded.streamId}`;
  if (!recorded.isJson || !isPlainObject(recorded.data)) {
    throw new Error(`EventStoreDB ${where} has no JSON object as data: it was not written through this event store`);
  }
  const metadata = recorded.metadata;
  if (!isPlainObject(metadata) || !Number.isSafeInteger(metadata.schemaVersion)) {
    throw new Error(`EventStoreDB ${where} has no schemaVersion in its metadata: it was not written through this event store`);
  }
  const position = toGlobalPosition(recorded.position);
  if (!position) {
    throw new Error(`EventStoreDB returned no position for ${where}; stream reads carry positions from server version 22.6 on`);
  }
  if (!recorded.streamId.startsWith(streamPrefix)) {
    throw new Error(`EventStoreDB ${where} is outside this store's stream prefix ${streamPrefix}`);
  }
  const { schemaVersion, [CHAIN_METADATA_KEY]: chain, ...portMetadata } = metadata as unknown as StoredMetadata;
  const chained = readChain(chain);
  return {
    eventId: recorded.id,
    type: recorded.type,
    schemaVersion,
    data: recorded.data,
    metadata: portMetadata,
    streamId: recorded.streamId.slice(streamPrefix.length),
    streamVersion: Number(recorded.revision),
    position,
    recordedAt: chained?.recordedAt ?? recorded.created.toISOString(),
    ...(chained ? { hash: chained.hash, previousHash: chained.previousHash } : {}),
  };
}

/** The chain metadata when it has its shape; events written before hash chains have none. */
function readChain(chain: unknown): ChainMetadata | null {
  if (!isPlainObject(chain)) return null;
  const { recordedAt, previousHash, hash } = chain;
  if (typeof recordedAt !== 'string' || typeof hash !== 'string') return null;
  if (previousHash !== null && typeof previousHash !== 'string') return null;
  // A malformed hash is handed on as it is: the verifier names it, rather than the event losing its chain silently.
  return { recordedAt, previousHash: previousHash as string | null, hash };
}

/** Refuses what no event store can append: nothing, or the same event id twice in one call. */
export function assertAppendable(events: NewEvent[]): void {
  if (events.length === 0) throw new Error('An append needs at least one event');
  const ids = new Set(events.map((event) => event.eventId.toLowerCase()));
  if (ids.size !== events.length) throw new Error('An append cannot contain the same event id twice');
}

export function sameEventId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Compares the events of an append with what the stream holds at the versions the server reported
 * for it. ESDB answers a retry by event id alone, so other content under a stored id surfaces only here.
 *  - 'same': the stored events are these (a fresh append, or a retry of an identical one);
 *  - 'other_content': the ids are stored, but one of them with another type or data;
 *  - 'other_events': the versions hold other ids, which ESDB should never report for an append.
 */
export function compareWithStored(
  events: NewEvent[],
  stored: StoredEvent[],
): { outcome: 'same' } | { outcome: 'other_content'; eventId: string } | { outcome: 'other_events' } {
  if (stored.length !== events.length) return { outcome: 'other_events' };
  for (let i = 0; i < events.length; i++) {
    if (!sameEventId(events[i].eventId, stored[i].eventId)) return { outcome: 'other_events' };
  }
  // Like the PostgreSQL adapter: type and data decide; metadata (a new correlation id) may differ.
  const differing = events.find((event, i) => event.type !== stored[i].type || !sameJson(event.data, stored[i].data));
  return differing ? { outcome: 'other_content', eventId: differing.eventId } : { outcome: 'same' };
}

/** Equal as stored JSON: key order does not matter, and undefined members are not stored. */
export function sameJson(written: unknown, stored: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(written) ?? 'null'), stored);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

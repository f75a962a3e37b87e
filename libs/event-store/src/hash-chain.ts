/**
 * Tamper evidence: every stream is a hash chain. Pure (node:crypto only, no I/O), so that the offline
 * bundle checker and both adapters hash and verify with exactly the same rules.
 *
 * The canonical form of a stored event is the JSON object
 *   { data, eventId, metadata, previousHash, recordedAt, schemaVersion, streamId, streamVersion, type }
 * serialised as RFC 8785 (JCS) does it for such values: object keys sorted by UTF-16 code units at every
 * depth (jsonb keeps no key order), no whitespace, strings and numbers as JSON.stringify writes them,
 * members whose value is undefined left out (they are never stored). `eventId` is in lower case (UUIDs
 * compare case-insensitively and PostgreSQL returns them so), `recordedAt` is ISO 8601 with milliseconds
 * and `Z`, `previousHash` is the lower-case hex hash of the event before it in the stream, null for
 * version 0. The hash is the SHA-256 of the canonical form's UTF-8 bytes, as lower-case hex.
 *
 * What is hashed is the event as stored, before any upcasting: events of old schema versions keep
 * verifying, and so do events whose sealed personal data can no longer be opened. The global position
 * is not hashed (the store assigns it at commit).
 */
import { createHash } from 'node:crypto';

/** What a hash covers: a stored event without its position and its own hash. */
export interface HashableEvent {
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: object;
  recordedAt: string;
}

/** An event as a verifier sees it: with the hashes the store holds for it, if any. */
export interface ChainedEvent extends HashableEvent {
  /** Absent when the store holds no hash for the event. */
  hash?: string;
  /** null for the first event of a stream. */
  previousHash?: string | null;
}

export type BrokenLinkProblem =
  /** The event's content does not hash to the hash stored with it: something in it was changed. */
  | 'content_hash_mismatch'
  /** The event's previous hash is not the hash of the event before it: an event before it was changed, removed or put in. */
  | 'previous_hash_mismatch'
  /** The stream's versions do not follow each other: an event is missing (or comes out of order). */
  | 'version_gap'
  /** The store holds no hash for the event (written before hash chains, and not backfilled). */
  | 'missing_hash'
  /** The store's own record says the stream is longer than the events found: its tail was removed. */
  | 'missing_tail'
  /** The store's own record knows a stream of which no event is left. */
  | 'missing_stream';

export interface BrokenLink {
  streamId: string;
  /** The version where the chain breaks (for a missing tail: the first version missing). */
  streamVersion: number;
  /** The event found there, or null when it is missing. */
  eventId: string | null;
  problem: BrokenLinkProblem;
  /** What the chain expected there: a hash, a version. */
  expected: string | null;
  /** What was found instead. */
  found: string | null;
}

/** Lower-case hex of a SHA-256. */
const HASH_PATTERN = /^[0-9a-f]{64}$/;

export function isHash(value: unknown): value is string {
  return typeof value === 'string' && HASH_PATTERN.test(value);
}

/** JSON with object keys sorted at every depth; otherwise as JSON.stringify writes it. */
export function canonicalJson(value: unknown): string {
  const text = canonical(value);
  if (text === undefined) throw new Error('Nothing to serialise: the value has no JSON form');
  return text;
}

function canonical(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new TypeError('A bigint has no JSON form');
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonical(item) ?? 'null').join(',')}]`;
      const members: string[] = [];
      for (const key of Object.keys(value as object).sort()) {
        const member = canonical((value as Record<string, unknown>)[key]);
        if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      return undefined; // undefined, functions and symbols, as JSON.stringify leaves them out
  }
}

/** The canonical form of an event chained to `previousHash` (see the top of this file). */
export function canonicalEvent(event: HashableEvent, previousHash: string | null): string {
  return canonicalJson({
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    eventId: event.eventId.toLowerCase(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    previousHash,
  });
}

export function hashEvent(event: HashableEvent, previousHash: string | null): string {
  return sha256Hex(canonicalEvent(event, previousHash));
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The hashes of events appended to a stream, in order, chained to the hash of the event before the
 * first of them (null for a new stream).
 */
export function chainHashes(events: HashableEvent[], previousHash: string | null): Array<{ hash: string; previousHash: string | null }> {
  let previous = previousHash;
  return events.map((event) => {
    const link = { hash: hashEvent(event, previous), previousHash: previous };
    previous = link.hash;
    return link;
  });
}

interface StreamState {
  /** The version seen last. */
  version: number;
  /** The hash the next event must name as its previous hash. */
  hash: string | null;
  broken: boolean;
}

export interface ChainVerifierOptions {
  /** How many broken links to keep (one per stream, the first); all are counted. 100 when absent. */
  keepBrokenLinks?: number;
}

/**
 * Walks events in stream order (readAll order keeps it) and names the first broken link of each
 * stream. Memory is one entry per stream: its last version and hash. After a break the stream's chain
 * is followed on from what is stored, so that one change is not reported again at every later event.
 */
export class ChainVerifier {
  private readonly streams = new Map<string, StreamState>();
  private readonly kept: BrokenLink[] = [];
  private readonly keep: number;
  private brokenCount = 0;
  private checked = 0;

  constructor(options: ChainVerifierOptions = {}) {
    this.keep = options.keepBrokenLinks ?? 100;
  }

  /** Checks the next event of its stream; returns the broken link it found there, if any. */
  add(event: ChainedEvent): BrokenLink | null {
    this.checked++;
    const state = this.streams.get(event.streamId);
    const expectedVersion = state ? state.version + 1 : 0;
    const expectedPrevious = state ? state.hash : null;
    const link = this.check(event, expectedVersion, expectedPrevious);
    const hash = event.hash !== undefined && isHash(event.hash) ? event.hash : null;
    if (state) {
      state.version = event.streamVersion;
      state.hash = hash;
    } else {
      this.streams.set(event.streamId, { version: event.streamVersion, hash, broken: false });
    }
    if (link) this.report(link);
    return link;
  }

  /** The version of the stream's last event seen, or undefined for a stream not seen. */
  lastVersion(streamId: string): number | undefined {
    return this.streams.get(streamId)?.version;
  }

  lastHash(streamId: string): string | null | undefined {
    return this.streams.get(streamId)?.hash;
  }

  streamIds(): IterableIterator<string> {
    return this.streams.keys();
  }

  /** Names a break found outside the events (a missing tail or stream). */
  report(link: BrokenLink): void {
    const state = this.streams.get(link.streamId);
    if (state?.broken) return;
    if (state) state.broken = true;
    else this.streams.set(link.streamId, { version: -1, hash: null, broken: true });
    this.brokenCount++;
    if (this.kept.length < this.keep) this.kept.push(link);
  }

  get checkedEvents(): number {
    return this.checked;
  }

  get checkedStreams(): number {
    return this.streams.size;
  }

  /** How many streams are broken (brokenLinks may hold fewer). */
  get brokenStreams(): number {
    return this.brokenCount;
  }

  /** The first broken link of each broken stream, in the order found, up to keepBrokenLinks. */
  get brokenLinks(): BrokenLink[] {
    return [...this.kept];
  }

  private check(event: ChainedEvent, expectedVersion: number, expectedPrevious: string | null): BrokenLink | null {
    const at = { streamId: event.streamId, streamVersion: event.streamVersion, eventId: event.eventId };
    if (event.streamVersion !== expectedVersion) {
      return { ...at, problem: 'version_gap', expected: String(expectedVersion), found: String(event.streamVersion) };
    }
    if (event.hash === undefined || event.hash === null || !isHash(event.hash)) {
      return { ...at, problem: 'missing_hash', expected: null, found: event.hash ? String(event.hash) : null };
    }
    const storedPrevious = event.previousHash ?? null;
    const recomputed = hashEvent(event, storedPrevious);
    if (recomputed !== event.hash) return { ...at, problem: 'content_hash_mismatch', expected: event.hash, found: recomputed };
    if (storedPrevious !== expectedPrevious) {
      return { ...at, problem: 'previous_hash_mismatch', expected: expectedPrevious, found: storedPrevious };
    }
    return null;
  }
}

/** A broken link in words, German first. */
export function describeBrokenLink(link: BrokenLink): { de: string; en: string } {
  const where = { de: `Stream ${link.streamId}, Version ${link.streamVersion}`, en: `stream ${link.streamId}, version ${link.streamVersion}` };
  const event = link.eventId ? ` (${link.eventId})` : '';
  switch (link.problem) {
    case 'content_hash_mismatch':
      return {
        de: `${where.de}${event}: Der Inhalt passt nicht zum gespeicherten Hash – das Ereignis wurde verändert.`,
        en: `${where.en}${event}: the content does not match its stored hash – the event was changed.`,
      };
    case 'previous_hash_mismatch':
      return {
        de: `${where.de}${event}: Der Verweis auf das vorige Ereignis stimmt nicht – davor wurde etwas verändert, entfernt oder eingefügt.`,
        en: `${where.en}${event}: the link to the previous event does not match – something before it was changed, removed or inserted.`,
      };
    case 'version_gap':
      return {
        de: `${where.de}${event}: Erwartet war Version ${link.expected} – dazwischen fehlen Ereignisse.`,
        en: `${where.en}${event}: version ${link.expected} was expected – events are missing in between.`,
      };
    case 'missing_hash':
      return {
        de: `${where.de}${event}: Für das Ereignis ist kein Hash gespeichert.`,
        en: `${where.en}${event}: no hash is stored for the event.`,
      };
    case 'missing_tail':
      return {
        de: `${where.de}: Der Stream reicht laut Ereignisspeicher bis Version ${link.expected}, die Ereignisse ab hier fehlen.`,
        en: `${where.en}: the store records the stream up to version ${link.expected}; the events from here on are missing.`,
      };
    case 'missing_stream':
      return {
        de: `${where.de}: Der Ereignisspeicher kennt den Stream bis Version ${link.expected}, aber keines seiner Ereignisse ist mehr da.`,
        en: `${where.en}: the store records the stream up to version ${link.expected}, but none of its events is left.`,
      };
  }
}

/**
 * Verifies the hash chains of a store through the port alone, so that it works on every adapter: reads
 * readAll page by page (memory: the last version and hash of each stream), then compares each stream's
 * end with the store's own record of its version where the adapter keeps one.
 */
import { EventStore, StoredEvent } from './event-store.port';
import { BrokenLink, ChainVerifier } from './hash-chain';

export interface ChainVerificationOptions {
  /** Only the streams of this network (by the events' metadata.networkId); the whole store when absent. */
  networkId?: string | null;
  /** Events per readAll call; 1000 when absent. */
  pageSize?: number;
  /** How many broken links the report lists (the first of each broken stream); 100 when absent. */
  keepBrokenLinks?: number;
  /** Called with every event checked, in stream order per stream (an export writes them). */
  onEvent?: (event: StoredEvent) => void | Promise<void>;
}

export interface ChainVerificationReport {
  networkId: string | null;
  ok: boolean;
  checkedEvents: number;
  checkedStreams: number;
  /** How many streams have a broken link; brokenLinks lists at most keepBrokenLinks of them. */
  brokenStreams: number;
  /** The first broken link found, in the store's global order. */
  firstBrokenLink: BrokenLink | null;
  brokenLinks: BrokenLink[];
  /**
   * Whether each stream's end was compared with the store's own record of its version (PostgreSQL's
   * streams table), which catches removed tails; false where the adapter keeps no such record.
   */
  streamEndsChecked: boolean;
}

const PAGE_SIZE = 1000;
const STREAM_RECORD_PAGE = 1000;

export async function verifyChains(store: EventStore, options: ChainVerificationOptions = {}): Promise<ChainVerificationReport> {
  const networkId = options.networkId?.toLowerCase() ?? null;
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const verifier = new ChainVerifier({ keepBrokenLinks: options.keepBrokenLinks });
  const belongs = (event: StoredEvent) => networkId === null || String(event.metadata?.networkId ?? '').toLowerCase() === networkId;
  const check = async (event: StoredEvent) => {
    verifier.add(event);
    await options.onEvent?.(event);
  };

  for (let after = null as StoredEvent['position'] | null; ; ) {
    const page = await store.readAll({ after, limit: pageSize });
    for (const event of page) if (belongs(event)) await check(event);
    if (page.length < pageSize) break;
    after = page[page.length - 1].position;
  }

  const streamEndsChecked = typeof store.recordedStreamVersions === 'function';
  if (streamEndsChecked) await checkStreamEnds(store, verifier, networkId === null, check);

  const brokenLinks = verifier.brokenLinks;
  return {
    networkId,
    ok: verifier.brokenStreams === 0,
    checkedEvents: verifier.checkedEvents,
    checkedStreams: verifier.checkedStreams,
    brokenStreams: verifier.brokenStreams,
    firstBrokenLink: brokenLinks[0] ?? null,
    brokenLinks,
    streamEndsChecked,
  };
}

/**
 * A stream that ends before the version the store records lost its tail, unless the events are only
 * held back from readAll for a moment (PostgreSQL's readAll waits for older open transactions) or were
 * appended after the scan: those are read from the stream itself and checked too. Without a network
 * filter, a recorded stream of which no event was seen at all is a removed stream.
 */
async function checkStreamEnds(
  store: EventStore,
  verifier: ChainVerifier,
  wholeStore: boolean,
  check: (event: StoredEvent) => Promise<void>,
): Promise<void> {
  for (let afterStreamId: string | null = null; ; ) {
    const recorded = await store.recordedStreamVersions!({ afterStreamId, limit: STREAM_RECORD_PAGE });
    for (const { streamId, version } of recorded) {
      const seen = verifier.lastVersion(streamId);
      if (seen === undefined && !wholeStore) continue; // another network's stream
      if (seen !== undefined && seen >= version) continue;
      for (const event of await store.readStream(streamId, { from: (seen ?? -1) + 1 })) await check(event);
      const reached = verifier.lastVersion(streamId);
      if (reached === undefined) {
        verifier.report({ streamId, streamVersion: 0, eventId: null, problem: 'missing_stream', expected: String(version), found: null });
      } else if (reached < version) {
        verifier.report({ streamId, streamVersion: reached + 1, eventId: null, problem: 'missing_tail', expected: String(version), found: String(reached) });
      }
    }
    if (recorded.length < STREAM_RECORD_PAGE) return;
    afterStreamId = recorded[recorded.length - 1].streamId;
  }
}

/**
 * The adapter's own logic (paging through $all, skipping system events and the event at `after`,
 * reading an append back, telling conflicts from duplicates, the subscription's life cycle) against
 * an in-memory stand-in for the client. The stand-in follows EventStoreDB as its documentation and
 * client describe it; it is not the server: eventstoredb-event-store.int-spec.ts runs the contract
 * suite against a live one.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendResult as ClientAppendResult,
  AppendToStreamOptions,
  EventData,
  Filter,
  NO_STREAM,
  Position,
  ReadAllOptions as ClientReadAllOptions,
  ReadStreamOptions as ClientReadStreamOptions,
  RecordedEvent,
  ResolvedEvent,
  StreamNotFoundError,
  StreamingRead,
  SubscribeToAllOptions,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { verifyChains } from '../chain-verification';
import { ConcurrencyError, DuplicateEventError, GlobalPosition, NewEvent } from '../event-store.port';
import { hashEvent } from '../hash-chain';
import { EventStoreDbClientPort, EventStoreDbEventStore } from './eventstoredb-event-store';
import { toEventData } from './eventstoredb-mapping';

describe('EventStoreDbEventStore (against an in-memory stand-in for the client)', () => {
  let server: FakeEventStoreDb;
  let store: EventStoreDbEventStore;

  beforeEach(() => {
    server = new FakeEventStoreDb();
    server.writeSystemEvents(3);
    store = new EventStoreDbEventStore({ connectionString: 'esdb://unused:2113?tls=false', resubscribeDelayMs: 5 }, server.client);
  });

  afterEach(async () => {
    await store.close();
  });

  describe('append and readStream', () => {
    it('round-trips events with versions from 0 and answers with the last position', async () => {
      const events = [newEvent('A', { n: 1 }), newEvent('B')];

      const result = await store.append('goal-1', events, 'no_stream');
      const read = await store.readStream('goal-1');

      expect(result).toEqual({ nextVersion: 1, position: read[1].position });
      expect(read.map(({ eventId, type, schemaVersion, data, metadata }) => ({ eventId, type, schemaVersion, data, metadata }))).toEqual(events);
      expect(read.map((e) => [e.streamId, e.streamVersion])).toEqual([
        ['goal-1', 0],
        ['goal-1', 1],
      ]);
      expect(server.appends.at(-1)).toMatchObject({ stream: 'goal-1', expectedRevision: NO_STREAM });
    });

    it("passes the expected version as the client wants it, and 'any' as the version it read", async () => {
      await store.append('goal-1', [newEvent('A')], 'any');
      await store.append('goal-1', [newEvent('B')], 0);
      await store.append('goal-1', [newEvent('C')], 'any');

      expect(server.appends.map((a) => a.expectedRevision)).toEqual(['no_stream', 0n, 1n]);
    });

    it('writes under the stream prefix and reads without it', async () => {
      const prefixed = new EventStoreDbEventStore({ connectionString: 'esdb://unused', streamPrefix: 'run-7-' }, server.client);

      await prefixed.append('goal-1', [newEvent('A')], 'no_stream');

      expect(server.streamNames()).toEqual(['run-7-goal-1']);
      expect((await prefixed.readStream('goal-1')).map((e) => e.streamId)).toEqual(['goal-1']);
      expect(await store.readStream('goal-1')).toEqual([]);
    });

    it('reads a range of versions with both ends inclusive, asking the server for just that range', async () => {
      await store.append('goal-1', ['V0', 'V1', 'V2', 'V3', 'V4'].map((type) => newEvent(type)), 'no_stream');

      expect(types(await store.readStream('goal-1', { from: 1, to: 3 }))).toEqual(['V1', 'V2', 'V3']);
      expect(server.streamReads.at(-1)).toMatchObject({ fromRevision: 1n, maxCount: 3 });
      expect(types(await store.readStream('goal-1', { from: 3 }))).toEqual(['V3', 'V4']);
      expect(types(await store.readStream('goal-1', { to: 0 }))).toEqual(['V0']);
      expect(await store.readStream('goal-1', { from: 5 })).toEqual([]);
      expect(await store.readStream('goal-1', { from: 3, to: 2 })).toEqual([]);
    });

    it('returns an empty array for a stream that does not exist (StreamNotFoundError)', async () => {
      expect(await store.readStream('missing')).toEqual([]);
    });

    it('passes other read errors on', async () => {
      server.failNextRead(new UnavailableError());

      await expect(store.readStream('goal-1')).rejects.toBeInstanceOf(UnavailableError);
    });

    it('refuses an append without events or with an id twice, without calling the server', async () => {
      const event = newEvent('A');

      await expect(store.append('goal-1', [], 'any')).rejects.toThrow(/at least one event/);
      await expect(store.append('goal-1', [event, event], 'any')).rejects.toThrow(/same event id twice/);
      expect(server.appends).toHaveLength(0);
    });
  });

  describe('conflicts', () => {
    it('refuses a stale version with the actual version', async () => {
      await store.append('goal-1', [newEvent('A'), newEvent('B')], 'no_stream');

      const error = await store.append('goal-1', [newEvent('C')], 0).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: 'goal-1', expected: 0, actualVersion: 1 });
    });

    it('refuses a version for a stream that does not exist with actual version -1', async () => {
      const error = await store.append('goal-1', [newEvent('A')], 3).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ expected: 3, actualVersion: -1 });
    });

    it("refuses 'no_stream' for an existing stream with its version", async () => {
      await store.append('goal-1', [newEvent('A')], 'no_stream');

      await expect(store.append('goal-1', [newEvent('B')], 'no_stream')).rejects.toMatchObject({
        constructor: ConcurrencyError,
        expected: 'no_stream',
        actualVersion: 0,
      });
    });

    it('names the stream without its prefix in the error', async () => {
      const prefixed = new EventStoreDbEventStore({ connectionString: 'esdb://unused', streamPrefix: 'run-7-' }, server.client);
      await prefixed.append('goal-1', [newEvent('A')], 'no_stream');

      await expect(prefixed.append('goal-1', [newEvent('B')], 'no_stream')).rejects.toMatchObject({ streamId: 'goal-1' });
    });

    it('calls an append whose first events are stored and later ones not a duplicate, with a version', async () => {
      const stored = newEvent('A');
      await store.append('goal-1', [stored], 'no_stream');

      await expect(store.append('goal-1', [stored, newEvent('B')], 'no_stream')).rejects.toEqual(new DuplicateEventError(stored.eventId));
      expect(await store.readStream('goal-1')).toHaveLength(1);
    });

    it("calls it a duplicate with 'any' too", async () => {
      const stored = newEvent('A');
      await store.append('goal-1', [newEvent('First'), stored], 'no_stream');

      await expect(store.append('goal-1', [stored, newEvent('B')], 'any')).rejects.toEqual(new DuplicateEventError(stored.eventId));
      expect(await store.readStream('goal-1')).toHaveLength(2);
    });
  });

  describe('idempotency by event id', () => {
    it('answers a retry with the first result, although the server sends no position for it', async () => {
      const events = [newEvent('A'), newEvent('B')];
      const first = await store.append('goal-1', events, 'no_stream');

      const retry = await store.append('goal-1', events, 'no_stream');

      expect(server.lastAppendResult?.position).toBeUndefined();
      expect(retry).toEqual(first);
      expect(await store.readStream('goal-1')).toHaveLength(2);
    });

    it('answers a late retry after the stream moved on', async () => {
      const events = [newEvent('A')];
      const first = await store.append('goal-1', events, 'no_stream');
      await store.append('goal-1', [newEvent('B')], 0);

      await expect(store.append('goal-1', events, 'no_stream')).resolves.toEqual(first);
      await expect(store.append('goal-1', events, 'any')).resolves.toEqual(first);
    });

    it('refuses a stored id with other data or type, which the server takes for a retry', async () => {
      const event = newEvent('A', { value: 1 });
      await store.append('goal-1', [event], 'no_stream');

      await expect(store.append('goal-1', [{ ...event, data: { value: 2 } }], 'any')).rejects.toEqual(new DuplicateEventError(event.eventId));
      await expect(store.append('goal-1', [{ ...event, type: 'Other' }], 'no_stream')).rejects.toBeInstanceOf(DuplicateEventError);
      expect((await store.readStream('goal-1')).map((e) => e.data)).toEqual([{ value: 1 }]);
    });

    it('accepts a retry whose metadata differs, as the PostgreSQL adapter does', async () => {
      const event = newEvent('A');
      const first = await store.append('goal-1', [event], 'no_stream');

      await expect(store.append('goal-1', [{ ...event, metadata: { ...event.metadata, correlationId: 'retry' } }], 'no_stream')).resolves.toEqual(first);
    });
  });

  describe('hash chain', () => {
    it('chains every event to the one before, with the hashes in reserved metadata that the port does not show', async () => {
      const events = [newEvent('A', { n: 1 }), newEvent('B'), newEvent('C')];
      await store.append('goal-1', events.slice(0, 2), 'no_stream');
      await store.append('goal-1', events.slice(2), 1);

      const read = await store.readStream('goal-1');

      expect(read.map((e) => e.metadata)).toEqual(events.map((e) => e.metadata));
      read.forEach((event, i) => {
        expect(event.previousHash).toBe(i === 0 ? null : read[i - 1].hash);
        expect(hashEvent(event, event.previousHash ?? null)).toBe(event.hash);
      });
      const stored = server.recordsOf('goal-1').map((r) => r.metadata as Record<string, { hash: string; recordedAt: string }>);
      expect(stored.map((m) => m.hashChain.hash)).toEqual(read.map((e) => e.hash));
      // The hashed record time is the one in the metadata, not the server's own.
      expect(read.map((e) => e.recordedAt)).toEqual(stored.map((m) => m.hashChain.recordedAt));
    });

    it('reads just the event at the expected version to chain to', async () => {
      await store.append('goal-1', ['A', 'B', 'C'].map((type) => newEvent(type)), 'no_stream');
      const reads = server.streamReads.length;

      await store.append('goal-1', [newEvent('D')], 2);

      expect(server.streamReads[reads]).toMatchObject({ fromRevision: 2n, maxCount: 1 });
      expect((await verifyChains(store)).ok).toBe(true);
    });

    it("keeps the chain when two appends with 'any' race", async () => {
      await store.append('goal-1', [newEvent('Start')], 'no_stream');

      await Promise.all([store.append('goal-1', [newEvent('X'), newEvent('Y')], 'any'), store.append('goal-1', [newEvent('Z')], 'any')]);

      expect((await store.readStream('goal-1')).map((e) => e.streamVersion)).toEqual([0, 1, 2, 3]);
      expect(await verifyChains(store)).toMatchObject({ ok: true, checkedEvents: 4, streamEndsChecked: false });
    });

    it('answers a retry from the stored events, whose hashes stay as they were', async () => {
      const events = [newEvent('A')];
      await store.append('goal-1', events, 'no_stream');
      const [before] = await store.readStream('goal-1');
      await store.append('goal-1', [newEvent('B')], 0);

      await store.append('goal-1', events, 'no_stream');
      await store.append('goal-1', events, 'any');

      const after = await store.readStream('goal-1');
      expect(after).toHaveLength(2);
      expect([after[0].hash, after[0].recordedAt]).toEqual([before.hash, before.recordedAt]);
    });

    it('names events written before hash chains, and starts a chain after them', async () => {
      await server.client.appendToStream('goal-1', [toEventData(newEvent('Old'))]);
      await store.append('goal-1', [newEvent('New')], 0);

      const [old, next] = await store.readStream('goal-1');

      expect(old.hash).toBeUndefined();
      expect(next.previousHash).toBeNull();
      expect((await verifyChains(store)).firstBrokenLink).toMatchObject({ streamId: 'goal-1', streamVersion: 0, problem: 'missing_hash' });
    });

    it('catches an event whose data differs from what was hashed', async () => {
      await store.append('goal-1', [newEvent('A', { value: 1 }), newEvent('B')], 'no_stream');
      (server.recordsOf('goal-1')[0].data as Record<string, unknown>).value = 2;

      expect((await verifyChains(store)).firstBrokenLink).toMatchObject({ streamId: 'goal-1', streamVersion: 0, problem: 'content_hash_mismatch' });
    });
  });

  describe('readAll', () => {
    it('returns user events in $all order, without system events', async () => {
      await store.append('goal-1', [newEvent('A')], 'no_stream');
      server.writeSystemEvents(2);
      await store.append('goal-2', [newEvent('B'), newEvent('C')], 'no_stream');
      server.writeSystemEvents(1, '$$goal-2', '$metadata');

      const read = await store.readAll({ limit: 10 });

      expect(types(read)).toEqual(['A', 'B', 'C']);
      expect(read.map((e) => e.position.commit)).toEqual([...read.map((e) => e.position.commit)].sort((a, b) => (a < b ? -1 : 1)));
    });

    it('starts after `after`: the inclusive read returns that event first, and it is skipped', async () => {
      await store.append('goal-1', ['A', 'B', 'C'].map((type) => newEvent(type)), 'no_stream');
      const [a] = await store.readAll({ limit: 1 });

      const rest = await store.readAll({ after: a.position, limit: 10 });

      expect(server.allReads.at(-1)).toMatchObject({ direction: 'forwards', fromPosition: a.position });
      expect(types(rest)).toEqual(['B', 'C']);
      expect(await store.readAll({ after: rest[1].position, limit: 10 })).toEqual([]);
    });

    it('pages through $all past filtered events without gaps or duplicates, and stops at the limit', async () => {
      const appended: string[] = [];
      for (let i = 0; i < 600; i++) {
        const event = newEvent(`E${i}`);
        await store.append(`goal-${i % 7}`, [event], 'any');
        appended.push(event.eventId);
        if (i % 3 === 0) server.writeSystemEvents(1);
      }

      const pages: string[] = [];
      let after: GlobalPosition | null = null;
      for (let call = 0; call < 10; call++) {
        const page = await store.readAll({ after, limit: 250 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(250);
        pages.push(...page.map((e) => e.eventId));
        after = page[page.length - 1].position;
      }

      expect(pages).toEqual(appended);
      // More than one server page per call was needed, and every read left early was cancelled.
      expect(server.allReads.length).toBeGreaterThan(3);
      expect(server.openReads()).toBe(0);
    });

    it('keeps reading past a page of nothing but system events', async () => {
      await store.append('goal-1', [newEvent('Before')], 'no_stream');
      server.writeSystemEvents(1_200);
      await store.append('goal-1', [newEvent('After')], 0);

      expect(types(await store.readAll({ limit: 10 }))).toEqual(['Before', 'After']);
    });

    it('returns only the streams of its prefix', async () => {
      const mine = new EventStoreDbEventStore({ connectionString: 'esdb://unused', streamPrefix: 'run-1-' }, server.client);
      const theirs = new EventStoreDbEventStore({ connectionString: 'esdb://unused', streamPrefix: 'run-2-' }, server.client);
      await theirs.append('goal-1', [newEvent('Theirs')], 'no_stream');
      await mine.append('goal-1', [newEvent('Mine')], 'no_stream');
      await store.append('goal-1', [newEvent('Unprefixed')], 'no_stream');

      expect(types(await mine.readAll({ limit: 10 }))).toEqual(['Mine']);
      expect(await mine.countAfter(null)).toBe(1);
      // Without a prefix every user stream is the store's.
      expect(types(await store.readAll({ limit: 10 }))).toEqual(['Theirs', 'Mine', 'Unprefixed']);
    });

    it('stops with an error instead of reading one page forever when the server does not move on', async () => {
      for (let i = 0; i < 501; i++) server.writeSystemEvents(1);
      server.ignoreReadAllPositions = true;

      await expect(store.readAll({ after: { commit: 1n, prepare: 1n }, limit: 10 })).rejects.toThrow(/does not move forwards/);
      await expect(store.headPosition()).rejects.toThrow(/does not move backwards/);
    });

    it('refuses a limit that is not a positive integer', async () => {
      await expect(store.readAll({ limit: 0 })).rejects.toThrow(/positive integer limit/);
      await expect(store.readAll({ limit: 1.5 })).rejects.toThrow(/positive integer limit/);
    });
  });

  describe('headPosition and countAfter', () => {
    it('knows no head and counts nothing in a store of system events only', async () => {
      expect(await store.headPosition()).toBeNull();
      expect(await store.countAfter(null)).toBe(0);
      expect(await store.readAll({ limit: 10 })).toEqual([]);
    });

    it('finds the newest user event behind newer system events, across backward pages', async () => {
      await store.append('goal-1', [newEvent('A')], 'no_stream');
      const last = await store.append('goal-2', [newEvent('B'), newEvent('C')], 'no_stream');
      server.writeSystemEvents(1_100);

      expect(await store.headPosition()).toEqual(last.position);
      expect(server.allReads.filter((r) => r.direction === 'backwards').length).toBeGreaterThanOrEqual(3);
      expect(server.openReads()).toBe(0);
    });

    it('counts the user events after a position', async () => {
      const first = await store.append('goal-1', [newEvent('A')], 'no_stream');
      server.writeSystemEvents(700);
      const last = await store.append('goal-2', [newEvent('B'), newEvent('C')], 'no_stream');

      expect(await store.countAfter(null)).toBe(3);
      expect(await store.countAfter(first.position)).toBe(2);
      expect(await store.countAfter(last.position)).toBe(0);
    });
  });

  describe('onAppended', () => {
    it('subscribes to $all from the end without system events, and wakes on confirmation and on events', async () => {
      let calls = 0;
      const unsubscribe = store.onAppended(() => calls++);

      expect(server.subscriptions).toHaveLength(1);
      expect(server.subscriptions[0].options).toMatchObject({ fromPosition: 'end', filter: { filterOn: 'eventType', regex: '^[^$].*' } });
      await eventually(() => calls === 1); // the confirmation: something may have come while subscribing

      await store.append('goal-1', [newEvent('A')], 'no_stream');
      await eventually(() => calls === 2);

      unsubscribe();
      expect(server.subscriptions[0].unsubscribed).toBe(true);
      await store.append('goal-1', [newEvent('B')], 0);
      await sleep(20);
      expect(calls).toBe(2);
    });

    it('filters by its stream prefix when it has one', async () => {
      const prefixed = new EventStoreDbEventStore({ connectionString: 'esdb://unused', streamPrefix: 'run-1-' }, server.client);
      let calls = 0;
      prefixed.onAppended(() => calls++);
      await eventually(() => calls === 1);

      expect(server.subscriptions[0].options.filter).toMatchObject({ filterOn: 'streamName', prefixes: ['run-1-'] });
      await store.append('goal-1', [newEvent('Unprefixed')], 'no_stream');
      await sleep(20);
      expect(calls).toBe(1);
      await prefixed.append('goal-1', [newEvent('Mine')], 'no_stream');
      await eventually(() => calls === 2);
      await prefixed.close();
    });

    it('shares one subscription between listeners and ends it with the last one', async () => {
      const one = store.onAppended(() => undefined);
      const two = store.onAppended(() => undefined);

      expect(server.subscriptions).toHaveLength(1);
      one();
      expect(server.subscriptions[0].unsubscribed).toBe(false);
      two();
      expect(server.subscriptions[0].unsubscribed).toBe(true);
    });

    it('subscribes again from the last event it saw after the subscription fails', async () => {
      let calls = 0;
      store.onAppended(() => calls++);
      await eventually(() => calls === 1);
      await store.append('goal-1', [newEvent('A')], 'no_stream');
      await eventually(() => calls === 2);
      const [seen] = await store.readAll({ limit: 1 });

      server.subscriptions[0].fail(new UnavailableError());

      await eventually(() => server.subscriptions.length === 2);
      expect(server.subscriptions[1].options.fromPosition).toEqual(seen.position);
      await store.append('goal-1', [newEvent('B')], 0);
      await eventually(() => calls >= 4); // its confirmation, then B
    });

    it('subscribes again after the server ends the subscription', async () => {
      store.onAppended(() => undefined);
      server.subscriptions[0].end();

      await eventually(() => server.subscriptions.length === 2);
      expect(server.subscriptions[1].options.fromPosition).toBe('end');
    });

    it('does not subscribe again once the last listener is gone', async () => {
      const unsubscribe = store.onAppended(() => undefined);
      server.subscriptions[0].fail(new UnavailableError());
      unsubscribe();

      await sleep(30);
      expect(server.subscriptions).toHaveLength(1);
    });

    it('keeps calling the other listeners when one throws', async () => {
      const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
      try {
        let calls = 0;
        store.onAppended(() => {
          throw new Error('faulty');
        });
        store.onAppended(() => calls++);

        await store.append('goal-1', [newEvent('A')], 'no_stream');
        await eventually(() => calls >= 2);
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('faulty'));
      } finally {
        warn.mockRestore();
      }
    });

    it('ends the subscription and the client on close, and refuses listeners afterwards', async () => {
      store.onAppended(() => undefined);

      await store.close();

      expect(server.subscriptions[0].unsubscribed).toBe(true);
      expect(server.disposed).toBe(true);
      expect(() => store.onAppended(() => undefined)).toThrow(/closed/);
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
});

interface StoredRecord {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  isJson: boolean;
  created: Date;
  position: Position;
}

/**
 * EventStoreDB as the client shows it, in memory: one log with a position per record; $all reads
 * forwards from a position include the event at it; an append with a version that the stream has
 * passed is idempotent when the ids at the following versions are the same, answered without a
 * position, and "wrong expected version" when only the first ones are; 'any' looks the ids up in
 * the stream (the server's cache); a stream that does not exist is StreamNotFoundError.
 */
class FakeEventStoreDb {
  private readonly log: StoredRecord[] = [];
  private nextLogPosition = 1_000n;
  private open = 0;
  private failure: Error | null = null;
  readonly appends: Array<{ stream: string; expectedRevision: unknown }> = [];
  readonly streamReads: ClientReadStreamOptions[] = [];
  readonly allReads: ClientReadAllOptions[] = [];
  readonly subscriptions: FakeSubscription[] = [];
  lastAppendResult: ClientAppendResult | null = null;
  /** Answers every $all read from the start (or end), as a server would that ignored the position. */
  ignoreReadAllPositions = false;
  disposed = false;

  readonly client: EventStoreDbClientPort = {
    appendToStream: async (stream: string, events: EventData | EventData[], options?: AppendToStreamOptions) =>
      this.append(stream, Array.isArray(events) ? events : [events], options?.expectedRevision ?? 'any'),
    readStream: ((stream: string, options: ClientReadStreamOptions = {}) => this.readStream(stream, options)) as EventStoreDbClientPort['readStream'],
    readAll: (options: ClientReadAllOptions = {}) => this.readAll(options),
    subscribeToAll: (options: SubscribeToAllOptions = {}) => this.subscribe(options),
    dispose: async () => {
      this.disposed = true;
    },
  };

  writeSystemEvents(count: number, streamId = '$stats-127.0.0.1:2113', type = '$statsCollected'): void {
    for (let i = 0; i < count; i++) this.record(streamId, randomUUID(), type, {}, {}, this.currentRevision(streamId) + 1n);
  }

  /** The records of a stream as the stand-in holds them (a test may change one, as a damaged server would). */
  recordsOf(stream: string): StoredRecord[] {
    return this.log.filter((r) => r.streamId === stream);
  }

  streamNames(): string[] {
    return [...new Set(this.log.map((r) => r.streamId).filter((s) => !s.startsWith('$')))];
  }

  failNextRead(error: Error): void {
    this.failure = error;
  }

  openReads(): number {
    return this.open;
  }

  private append(stream: string, events: EventData[], expected: unknown): ClientAppendResult {
    this.appends.push({ stream, expectedRevision: expected });
    const current = this.currentRevision(stream);
    const conflict = () =>
      new WrongExpectedVersionError(undefined, {
        streamName: stream,
        expected: expected as bigint,
        current: current === -1n ? NO_STREAM : current,
      });
    const inStream = this.log.filter((r) => r.streamId === stream);
    const sameIds = (first: bigint) => events.map((e, i) => inStream[Number(first) + i]?.id === e.id);
    let idempotentFrom: bigint | null = null;
    if (expected === 'any') {
      const first = inStream.find((r) => r.id === events[0].id);
      if (first) {
        if (!sameIds(first.revision).every(Boolean)) throw conflict();
        idempotentFrom = first.revision;
      }
    } else {
      const expectedRevision = expected === 'no_stream' ? -1n : (expected as bigint);
      if (expectedRevision < current) {
        const matches = sameIds(expectedRevision + 1n);
        if (!matches[0] || !matches.every(Boolean)) throw conflict();
        idempotentFrom = expectedRevision + 1n;
      } else if (expectedRevision !== current) {
        throw conflict();
      }
    }
    if (idempotentFrom !== null) {
      this.lastAppendResult = { success: true, nextExpectedRevision: idempotentFrom + BigInt(events.length) - 1n, position: undefined };
      return this.lastAppendResult;
    }
    let last: StoredRecord | undefined;
    events.forEach((event, i) => {
      last = this.record(stream, event.id, event.type, event.data, event.metadata, current + 1n + BigInt(i));
    });
    this.lastAppendResult = { success: true, nextExpectedRevision: last!.revision, position: { ...last!.position } };
    for (const subscription of this.subscriptions) subscription.offer(this.resolved(last!), events.length, this.log);
    return this.lastAppendResult;
  }

  private readStream(stream: string, options: ClientReadStreamOptions): StreamingRead<ResolvedEvent> {
    this.streamReads.push(options);
    const records = this.log.filter((r) => r.streamId === stream);
    if (this.failure || records.length === 0) {
      const error = this.failure ?? new StreamNotFoundError(undefined, stream);
      this.failure = null;
      return this.reading([], error);
    }
    const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : 0n;
    const selected = records.filter((r) => r.revision >= from).slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
    return this.reading(selected.map((r) => this.resolved(r)));
  }

  private readAll(options: ClientReadAllOptions): StreamingRead<AllStreamResolvedEvent> {
    this.allReads.push(options);
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    let records = backwards ? [...this.log].reverse() : this.log;
    if (typeof from === 'object' && !this.ignoreReadAllPositions) {
      records = records.filter((r) => (backwards ? r.position.commit <= from.commit : r.position.commit >= from.commit));
    }
    const selected = records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
    return this.reading(selected.map((r) => this.resolved(r) as AllStreamResolvedEvent));
  }

  private subscribe(options: SubscribeToAllOptions): AllStreamSubscription {
    const subscription = new FakeSubscription(options);
    this.subscriptions.push(subscription);
    return subscription.stream;
  }

  /** A read as the client returns it: a readable of resolved events that can be cancelled. */
  private reading<E>(events: E[], error?: Error): StreamingRead<E> {
    const source = error
      ? new Readable({
          objectMode: true,
          read() {
            this.destroy(error);
          },
        })
      : Readable.from(events);
    this.open++;
    let counted = true;
    const settle = () => {
      if (counted) this.open--;
      counted = false;
    };
    source.on('close', settle);
    return Object.assign(source, { cancel: async () => settle() }) as unknown as StreamingRead<E>;
  }

  private currentRevision(stream: string): bigint {
    return this.log.filter((r) => r.streamId === stream).at(-1)?.revision ?? -1n;
  }

  private record(streamId: string, id: string, type: string, data: unknown, metadata: unknown, revision: bigint): StoredRecord {
    const position = { commit: this.nextLogPosition, prepare: this.nextLogPosition };
    this.nextLogPosition += 137n;
    const record: StoredRecord = {
      streamId,
      id,
      type,
      revision,
      // What the client sends as JSON comes back parsed.
      data: JSON.parse(JSON.stringify(data)),
      metadata: JSON.parse(JSON.stringify(metadata)),
      isJson: true,
      created: new Date(),
      position,
    };
    this.log.push(record);
    return record;
  }

  private resolved(record: StoredRecord): ResolvedEvent {
    return { event: { ...record, position: { ...record.position } } as RecordedEvent, commitPosition: record.position.commit };
  }
}

class FakeSubscription {
  readonly stream: AllStreamSubscription;
  private readonly pipe = new PassThrough({ objectMode: true });
  unsubscribed = false;

  constructor(readonly options: SubscribeToAllOptions) {
    const stream = this.pipe;
    this.stream = Object.assign(stream, {
      unsubscribe: async () => {
        this.unsubscribed = true;
        stream.destroy();
      },
    }) as unknown as AllStreamSubscription;
    setImmediate(() => {
      if (!stream.destroyed) stream.emit('confirmation');
    });
  }

  /** Sends the events of one append that pass the filter. */
  offer(last: ResolvedEvent, count: number, log: StoredRecord[]): void {
    if (this.unsubscribed || this.stream.destroyed) return;
    const index = log.findIndex((r) => r.position.commit === last.event?.position?.commit);
    for (const record of log.slice(index - count + 1, index + 1)) {
      if (passes(this.options.filter, record)) this.pipe.write({ event: { ...record } });
    }
  }

  fail(error: Error): void {
    this.stream.destroy(error);
  }

  end(): void {
    this.pipe.end();
  }
}

function passes(filter: Filter | undefined, record: StoredRecord): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? record.streamId : record.type;
  if ('prefixes' in filter) return filter.prefixes.some((prefix) => subject.startsWith(prefix));
  return new RegExp(filter.regex).test(subject);
}

function newEvent(type: string, data: Record<string, unknown> = { note: type }): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { userId: 'user-1', role: 'coordinator' },
      networkId: 'network-1',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2024-03-14T09:30:00.000Z',
    },
  };
}

function types(events: Array<{ type: string }>): string[] {
  return events.map((event) => event.type);
}

async function eventually(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(2);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

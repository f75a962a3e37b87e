/**
 * What every EventStore adapter must do, as a jest suite. An adapter's spec calls
 * `eventStoreContract('PostgreSQL', factory)`; adapter-specific behaviour goes in that spec.
 *
 * The suite shares one store between its tests (a store per test would make it slow), so every
 * test writes to streams of its own and reads the global order from the head it found on arrival.
 * readAll may hold back an event for a moment after its append returned (PostgreSQL does while any
 * older transaction is open, and other specs share the server), so tests wait until it is readable.
 */
import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  ConcurrencyError,
  DuplicateEventError,
  EventStore,
  GlobalPosition,
  NewEvent,
  StoredEvent,
} from './event-store.port';
import { comparePositions } from './global-position';
import { verifyChains } from './chain-verification';
import { hashEvent } from './hash-chain';
import { MultiStreamWrites } from './multi-stream-write';

export interface EventStoreUnderTest {
  store: EventStore;
  cleanup(): Promise<void>;
}

export interface EventStoreContractOptions {
  /** How long an appended event may take to become readable through readAll; 5000 ms when absent. */
  readableWithinMs?: number;
  /** Whether the adapter offers `transaction` (appends to several streams that commit together). */
  transactions: boolean;
}

export function eventStoreContract(
  name: string,
  factory: () => Promise<EventStoreUnderTest>,
  options: EventStoreContractOptions,
): void {
  const readableWithinMs = options.readableWithinMs ?? 5000;

  describe(`EventStore contract: ${name}`, () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;

    beforeAll(async () => {
      subject = await factory();
      store = subject.store;
    });

    afterAll(async () => {
      await subject?.cleanup();
    });

    /**
     * A position after which readAll will return only what the calling test appends: a marker event
     * is appended and awaited, so that events of earlier tests that were still held back are behind it.
     */
    async function settledHead(): Promise<GlobalPosition> {
      const marker = await store.append(`contract-marker-${randomUUID()}`, [newEvent('Marker')], 'no_stream');
      await readableUpTo(marker.position);
      return marker.position;
    }

    /** Waits until readAll can return everything up to `position`. */
    async function readableUpTo(position: GlobalPosition): Promise<void> {
      await eventually(readableWithinMs, async () => {
        const head = await store.headPosition();
        return head !== null && comparePositions(head, position) >= 0;
      });
    }

    async function readAllAfter(after: GlobalPosition | null, limit = 100): Promise<StoredEvent[]> {
      const events: StoredEvent[] = [];
      for (;;) {
        const page = await store.readAll({ after: events.at(-1)?.position ?? after, limit });
        events.push(...page);
        if (page.length < limit) return events;
      }
    }

    describe('append and readStream', () => {
      it('round-trips ids, types, data and metadata with versions from 0', async () => {
        const stream = streamName();
        const written = [newEvent('GoalDefined', { title: 'Sprache', tags: ['a', 'b'] }), newEvent('GoalReviewed')];
        const before = Date.now();

        const result = await store.append(stream, written, 'no_stream');
        const read = await store.readStream(stream);

        expect(result.nextVersion).toBe(1);
        expect(read.map((e) => e.streamVersion)).toEqual([0, 1]);
        expect(read.map(({ eventId, type, schemaVersion, data, metadata }) => ({ eventId, type, schemaVersion, data, metadata }))).toEqual(written);
        expect(read.every((e) => e.streamId === stream)).toBe(true);
        expect(read[1].metadata.occurredAt).toBe(written[1].metadata.occurredAt);
        for (const event of read) {
          expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
          expect(Date.parse(event.recordedAt)).toBeGreaterThanOrEqual(before - 60_000); // clocks of two machines
        }
        expect(read[1].position).toEqual(result.position);
      });

      it('continues the versions of an existing stream', async () => {
        const stream = streamName();
        await store.append(stream, [newEvent('A'), newEvent('B')], 'no_stream');

        const result = await store.append(stream, [newEvent('C')], 1);

        expect(result.nextVersion).toBe(2);
        expect((await store.readStream(stream)).map((e) => [e.type, e.streamVersion])).toEqual([
          ['A', 0],
          ['B', 1],
          ['C', 2],
        ]);
      });

      it('returns an empty array for a stream that does not exist', async () => {
        expect(await store.readStream(streamName())).toEqual([]);
      });

      it('reads a range of stream versions, both ends inclusive', async () => {
        const stream = streamName();
        await store.append(stream, ['V0', 'V1', 'V2', 'V3', 'V4'].map((type) => newEvent(type)), 'no_stream');

        expect(types(await store.readStream(stream, { from: 1, to: 3 }))).toEqual(['V1', 'V2', 'V3']);
        expect(types(await store.readStream(stream, { from: 3 }))).toEqual(['V3', 'V4']);
        expect(types(await store.readStream(stream, { to: 0 }))).toEqual(['V0']);
        expect(await store.readStream(stream, { from: 5 })).toEqual([]);
      });

      it('refuses an append without events', async () => {
        await expect(store.append(streamName(), [], 'any')).rejects.toThrow();
      });
    });

    describe('expected version', () => {
      it('accepts the version the stream is at', async () => {
        const stream = streamName();
        await store.append(stream, [newEvent('A')], 'no_stream');

        await expect(store.append(stream, [newEvent('B')], 0)).resolves.toMatchObject({ nextVersion: 1 });
      });

      it('accepts any version with "any", for new and existing streams', async () => {
        const stream = streamName();

        await expect(store.append(stream, [newEvent('A')], 'any')).resolves.toMatchObject({ nextVersion: 0 });
        await expect(store.append(stream, [newEvent('B')], 'any')).resolves.toMatchObject({ nextVersion: 1 });
      });

      it('refuses a stale version with the actual version, and stores nothing', async () => {
        const stream = streamName();
        await store.append(stream, [newEvent('A'), newEvent('B')], 'no_stream');

        const error = await store.append(stream, [newEvent('C')], 0).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: stream, expected: 0, actualVersion: 1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses "no_stream" for a stream that exists', async () => {
        const stream = streamName();
        await store.append(stream, [newEvent('A')], 'no_stream');

        const error = await store.append(stream, [newEvent('B')], 'no_stream').catch((e: unknown) => e);

        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ expected: 'no_stream', actualVersion: 0 });
      });

      it('refuses a version for a stream that does not exist, with actual version -1', async () => {
        const stream = streamName();

        const error = await store.append(stream, [newEvent('A')], 0).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ expected: 0, actualVersion: -1 });
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('lets exactly one of eight concurrent appends with the same expected version win', async () => {
        const stream = streamName();
        await store.append(stream, [newEvent('Start')], 'no_stream');

        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => store.append(stream, [newEvent(`Racer${i}`), newEvent('Second')], 0)),
        );

        const winners = outcomes.filter((o) => o.status === 'fulfilled');
        const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(7);
        for (const loser of losers) {
          expect(loser.reason).toBeInstanceOf(ConcurrencyError);
          expect(loser.reason).toMatchObject({ expected: 0, actualVersion: 2 });
        }
        expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([0, 1, 2]);
      });
    });

    describe('idempotency by event id', () => {
      it('answers a retry with the first result and stores no second copy', async () => {
        const stream = streamName();
        const events = [newEvent('A'), newEvent('B')];
        const first = await store.append(stream, events, 'no_stream');

        const retry = await store.append(stream, events, 'no_stream');

        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('answers a late retry with the first result after the stream moved on', async () => {
        const stream = streamName();
        const events = [newEvent('A')];
        const first = await store.append(stream, events, 'no_stream');
        await store.append(stream, [newEvent('B')], 0);

        const retry = await store.append(stream, events, 'no_stream');

        expect(retry).toEqual(first);
        expect(types(await store.readStream(stream))).toEqual(['A', 'B']);
      });

      it('refuses a stored event id with other content', async () => {
        const stream = streamName();
        const event = newEvent('A', { value: 1 });
        await store.append(stream, [event], 'no_stream');

        await expect(store.append(stream, [{ ...event, data: { value: 2 } }], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
        await expect(store.append(stream, [{ ...event, type: 'Other' }], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
      });

      it('refuses a stored event id in another stream', async () => {
        const event = newEvent('A');
        await store.append(streamName(), [event], 'no_stream');
        const other = streamName();

        await expect(store.append(other, [event], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
        expect(await store.readStream(other)).toEqual([]);
      });

      it('refuses an append of which only some events are stored', async () => {
        const stream = streamName();
        const stored = newEvent('A');
        await store.append(stream, [stored], 'no_stream');

        await expect(store.append(stream, [stored, newEvent('B')], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('readAll', () => {
      it('returns the events of all streams in one global order', async () => {
        const start = await settledHead();
        const [first, second] = [streamName(), streamName()];
        const appended: string[] = [];
        let last: AppendResult | undefined;
        for (const stream of [first, second, first, second, first]) {
          const event = newEvent('Step');
          last = await store.append(stream, [event], 'any');
          appended.push(event.eventId);
        }
        await readableUpTo(last!.position);

        const read = await readAllAfter(start);

        expect(ids(read)).toEqual(appended);
        expect(isStrictlyAscending(read.map((e) => e.position))).toBe(true);
        expect(read.filter((e) => e.streamId === first).map((e) => e.streamVersion)).toEqual([0, 1, 2]);
      });

      it('keeps the events of one append together and in stream order', async () => {
        const start = await settledHead();
        const events = [newEvent('A'), newEvent('B'), newEvent('C')];
        const result = await store.append(streamName(), events, 'no_stream');
        await readableUpTo(result.position);

        const read = await readAllAfter(start);

        expect(ids(read)).toEqual(ids(events));
        expect(read.at(-1)?.position).toEqual(result.position);
      });

      it('pages with after and limit without gaps or duplicates', async () => {
        const start = await settledHead();
        const appended: string[] = [];
        let last: AppendResult | undefined;
        for (let i = 0; i < 7; i++) {
          const batch = [newEvent('X'), newEvent('Y')];
          last = await store.append(streamName(), batch, 'no_stream');
          appended.push(...ids(batch));
        }
        await readableUpTo(last!.position);

        const pages: StoredEvent[][] = [];
        let after = start;
        for (;;) {
          const page = await store.readAll({ after, limit: 3 });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(3);
          pages.push(page);
          after = page[page.length - 1].position;
        }

        expect(ids(pages.flat())).toEqual(appended);
        expect(isStrictlyAscending(pages.flat().map((e) => e.position))).toBe(true);
      });

      it('returns nothing after the newest position', async () => {
        const result = await store.append(streamName(), [newEvent('A')], 'no_stream');
        await readableUpTo(result.position);

        expect(await store.readAll({ after: result.position, limit: 10 })).toEqual([]);
      });

      it('starts at the beginning without after', async () => {
        const result = await store.append(streamName(), [newEvent('A')], 'no_stream');
        await readableUpTo(result.position);

        const firstPage = await store.readAll({ limit: 1 });
        const fromNull = await store.readAll({ after: null, limit: 1 });

        expect(firstPage).toHaveLength(1);
        expect(fromNull).toEqual(firstPage);
      });
    });

    describe('headPosition and countAfter', () => {
      it('reports the newest readable position and how many events follow a position', async () => {
        const start = await settledHead();
        await store.append(streamName(), [newEvent('A'), newEvent('B')], 'no_stream');
        const last = await store.append(streamName(), [newEvent('C')], 'no_stream');
        await readableUpTo(last.position);

        expect(await store.headPosition()).toEqual(last.position);
        expect(await store.countAfter(start)).toBe(3);
        expect(await store.countAfter(last.position)).toBe(0);
        expect(await store.countAfter(null)).toBe(await countAll());
      });

      it('reports no head and nothing to count for an empty store', async () => {
        const empty = await factory();
        try {
          expect(await empty.store.headPosition()).toBeNull();
          expect(await empty.store.countAfter(null)).toBe(0);
          expect(await empty.store.readAll({ limit: 10 })).toEqual([]);
        } finally {
          await empty.cleanup();
        }
      });

      async function countAll(): Promise<number> {
        return (await readAllAfter(null, 1000)).length;
      }
    });

    describe('hash chain', () => {
      /** Each event's hash is that of its stored form, and names the hash of the event before it. */
      function expectChained(events: StoredEvent[]): void {
        events.forEach((event, i) => {
          expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
          expect(event.previousHash).toBe(i === 0 ? null : events[i - 1].hash);
          expect(hashEvent(event, event.previousHash ?? null)).toBe(event.hash);
        });
      }

      it('stores every event with its hash, chained to the one before, across appends of several events', async () => {
        const stream = streamName();
        await store.append(stream, [newEvent('A', { n: 1, nested: { z: 1, a: [1, 2] } }), newEvent('B')], 'no_stream');
        await store.append(stream, [newEvent('C'), newEvent('D'), newEvent('E')], 1);
        await store.append(stream, [newEvent('F')], 'any');

        const read = await store.readStream(stream);

        expect(types(read)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
        expectChained(read);
        expect(new Set(read.map((e) => e.hash)).size).toBe(6);
      });

      it('reads the same hashes through readAll, and a retry changes none', async () => {
        const stream = streamName();
        const events = [newEvent('A'), newEvent('B')];
        const first = await store.append(stream, events, 'no_stream');
        const before = await store.readStream(stream);

        await store.append(stream, events, 'no_stream');
        const last = await store.append(stream, [newEvent('C')], 1);
        await readableUpTo(last.position);

        const after = await store.readStream(stream);
        expect(after.slice(0, 2).map((e) => [e.hash, e.previousHash])).toEqual(before.map((e) => [e.hash, e.previousHash]));
        expectChained(after);
        const all = (await readAllAfter(null, 1000)).filter((e) => e.streamId === stream);
        expect(all.map((e) => e.hash)).toEqual(after.map((e) => e.hash));
        expect(all[1].position).toEqual(first.position);
      });

      it('keeps the record time that is hashed, to the millisecond', async () => {
        const stream = streamName();
        await store.append(stream, [newEvent('A')], 'no_stream');

        const [event] = await store.readStream(stream);

        expect(event.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(hashEvent(event, null)).toBe(event.hash);
      });

      it('verifies as intact through the port alone', async () => {
        const stream = streamName();
        const last = await store.append(stream, [newEvent('A'), { ...newEvent('B'), schemaVersion: 2 }], 'no_stream');
        await readableUpTo(last.position);

        const report = await verifyChains(store, { pageSize: 7 });

        expect(report).toMatchObject({ ok: true, firstBrokenLink: null, brokenLinks: [] });
        expect(report.checkedEvents).toBe(await store.countAfter(null));
        const network = await verifyChains(store, { networkId: 'network-1' });
        expect(network.checkedEvents).toBe(report.checkedEvents); // every contract event is network-1's
        expect((await verifyChains(store, { networkId: 'another-network' })).checkedEvents).toBe(0);
      });
    });

    describe('transaction', () => {
      if (!options.transactions) {
        it('is left out by an adapter that cannot append to several streams atomically', () => {
          expect(store.transaction).toBeUndefined();
        });
        return;
      }

      const transaction: NonNullable<EventStore['transaction']> = (work) => store.transaction!(work);

      it('commits appends to several streams together, each continuing its own versions', async () => {
        const [first, second] = [streamName(), streamName()];
        await store.append(first, [newEvent('A')], 'no_stream');

        const results = await transaction(async (tx) => [
          await tx.append(first, [newEvent('B')], 0),
          await tx.append(second, [newEvent('C'), newEvent('D')], 'no_stream'),
        ]);

        expect(results.map((r) => r.nextVersion)).toEqual([1, 1]);
        expect(types(await store.readStream(first))).toEqual(['A', 'B']);
        expect(types(await store.readStream(second))).toEqual(['C', 'D']);
        await readableUpTo(results[1].position);
        const read = (await readAllAfter(null, 1000)).filter((e) => e.streamId === first || e.streamId === second);
        expect(read.map((e) => e.position)).toEqual(
          [...(await store.readStream(first)), ...(await store.readStream(second))].map((e) => e.position).sort(comparePositions),
        );
      });

      it('writes neither stream when the second stream\'s version check fails, and reports the conflict', async () => {
        const [first, second] = [streamName(), streamName()];
        await store.append(second, [newEvent('Existing')], 'no_stream');

        const error = await transaction(async (tx) => {
          await tx.append(first, [newEvent('A')], 'no_stream');
          return tx.append(second, [newEvent('B')], 'no_stream');
        }).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: second, expected: 'no_stream', actualVersion: 0 });
        expect(await store.readStream(first)).toEqual([]);
        expect(types(await store.readStream(second))).toEqual(['Existing']);
      });

      it('writes nothing when the work throws after its appends', async () => {
        const [first, second] = [streamName(), streamName()];

        await expect(
          transaction(async (tx) => {
            await tx.append(first, [newEvent('A')], 'no_stream');
            await tx.append(second, [newEvent('B')], 'no_stream');
            throw new Error('the step after the appends failed');
          }),
        ).rejects.toThrow('the step after the appends failed');

        expect(await store.readStream(first)).toEqual([]);
        expect(await store.readStream(second)).toEqual([]);
        await expect(store.append(first, [newEvent('A')], 'no_stream')).resolves.toMatchObject({ nextVersion: 0 });
      });

      it('reads its own appends inside, and shows them to nobody else before it commits', async () => {
        const stream = streamName();
        let seenOutside: StoredEvent[] | undefined;

        await transaction(async (tx) => {
          await tx.append(stream, [newEvent('A')], 'no_stream');
          expect(types(await tx.readStream(stream))).toEqual(['A']);
          seenOutside = await store.readStream(stream);
        });

        expect(seenOutside).toEqual([]);
        expect(types(await store.readStream(stream))).toEqual(['A']);
      });

      it('commits the caller\'s own rows with the events, and rolls them back with them', async () => {
        const table = `contract_rows_${randomUUID().replace(/-/g, '')}`;
        await transaction((tx) => tx.query(`CREATE TABLE ${table} (note text NOT NULL)`));
        const [kept, dropped] = [streamName(), streamName()];

        await transaction(async (tx) => {
          await tx.append(kept, [newEvent('A')], 'no_stream');
          await tx.query(`INSERT INTO ${table} (note) VALUES ($1)`, ['kept']);
        });
        await transaction(async (tx) => {
          await tx.query(`INSERT INTO ${table} (note) VALUES ($1)`, ['dropped']);
          await tx.append(dropped, [newEvent('A')], 0);
        }).catch(() => undefined);

        const rows = await transaction((tx) => tx.query<{ note: string }>(`SELECT note FROM ${table}`));
        expect(rows).toEqual([{ note: 'kept' }]);
        expect(await store.readStream(dropped)).toEqual([]);
        await transaction((tx) => tx.query(`DROP TABLE ${table}`));
      });
    });

    // After 'hash chain': the journal's events belong to no network, and that suite counts network-1's.
    describe('multi-stream writes completed from their record', () => {
      /** The store, except that the append to `streamId` fails once: the process dying before it. */
      function dyingBefore(streamId: string): EventStore {
        let died = false;
        const append: EventStore['append'] = (stream, events, expected) => {
          if (stream === streamId && !died) {
            died = true;
            return Promise.reject(new Error('the process died'));
          }
          return store.append(stream, events, expected);
        };
        return Object.assign(Object.create(store) as EventStore, { append });
      }

      it('finishes a write whose process died between its two appends, once', async () => {
        const [first, second] = [streamName(), streamName()];
        await store.append(first, [newEvent('Defined')], 'no_stream');
        const appends = [
          { streamId: first, events: [newEvent('Reoriented')], expectedVersion: 0 },
          { streamId: second, events: [newEvent('ReplacementDefined')], expectedVersion: 'no_stream' as const },
        ];
        await expect(new MultiStreamWrites(dyingBefore(second)).write(appends)).rejects.toThrow('the process died');
        expect(await store.readStream(second)).toEqual([]);

        const outcomes = await new MultiStreamWrites(store).completePending();

        expect([...outcomes.values()].map((completion) => completion.outcome)).toContain('completed');
        expect(types(await store.readStream(first))).toEqual(['Defined', 'Reoriented']);
        expect(ids(await store.readStream(second))).toEqual(ids(appends[1].events));
        await new MultiStreamWrites(store).completePending();
        expect(await store.readStream(first)).toHaveLength(2);
        expect(await store.readStream(second)).toHaveLength(1);
      });
    });

    describe('onAppended', () => {
      it('calls the listener after an append, and no more after unsubscribing', async () => {
        let calls = 0;
        const unsubscribe = store.onAppended(() => calls++);
        try {
          const before = calls;
          await store.append(streamName(), [newEvent('A')], 'no_stream');
          await eventually(readableWithinMs, async () => calls > before);
        } finally {
          unsubscribe();
        }
        const afterUnsubscribe = calls;
        await store.append(streamName(), [newEvent('B')], 'no_stream');
        await sleep(100);
        expect(calls).toBe(afterUnsubscribe);
      });
    });
  });
}

function streamName(): string {
  return `contract-${randomUUID()}`;
}

function newEvent(type: string, data: Record<string, unknown> = { note: type }): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { userId: 'user-1', displayName: 'Ada', role: 'coordinator' },
      networkId: 'network-1',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2024-03-14T09:30:00.000Z',
      reason: 'contract test',
    },
  };
}

function ids(events: Array<{ eventId: string }>): string[] {
  return events.map((event) => event.eventId);
}

function types(events: StoredEvent[]): string[] {
  return events.map((event) => event.type);
}

function isStrictlyAscending(positions: GlobalPosition[]): boolean {
  return positions.every((position, i) => i === 0 || comparePositions(positions[i - 1], position) < 0);
}

async function eventually(timeoutMs: number, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

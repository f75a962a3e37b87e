import { randomUUID } from 'node:crypto';
import { AppendResult, ConcurrencyError, EventStore, ExpectedVersion, NewEvent, StoredEvent } from './event-store.port';
import { MULTI_STREAM_WRITES, MultiStreamWrites, StreamAppend } from './multi-stream-write';

/**
 * A store without transactions, in memory, as the port describes it (versions checked per call, an
 * append of stored event ids answered with the first result), that can be told to fail an append:
 * the process dying between two appends.
 */
function storeWithoutTransactions() {
  const streams = new Map<string, StoredEvent[]>();
  let position = 0n;
  let failNext: ((streamId: string) => boolean) | null = null;
  const store: EventStore = {
    async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
      if (failNext?.(streamId)) {
        failNext = null;
        throw new Error('the process died');
      }
      const stream = streams.get(streamId) ?? [];
      const stored = stream.filter((event) => events.some((candidate) => candidate.eventId === event.eventId));
      if (stored.length === events.length) return { nextVersion: stored.at(-1)!.streamVersion, position: stored.at(-1)!.position };
      const actual = stream.length - 1;
      if (expectedVersion !== 'any' && (expectedVersion === 'no_stream' ? actual !== -1 : actual !== expectedVersion)) {
        throw new ConcurrencyError(streamId, expectedVersion, actual);
      }
      for (const event of events) {
        position++;
        stream.push({ ...event, streamId, streamVersion: stream.length, position: { commit: position, prepare: position }, recordedAt: new Date().toISOString() });
      }
      streams.set(streamId, stream);
      return { nextVersion: stream.length - 1, position: stream.at(-1)!.position };
    },
    readStream: async (streamId) => [...(streams.get(streamId) ?? [])],
    readAll: async () => [],
    headPosition: async () => null,
    countAfter: async () => 0,
    onAppended: () => () => undefined,
    close: async () => undefined,
  };
  return {
    store,
    types: (streamId: string) => (streams.get(streamId) ?? []).map((event) => event.type),
    failAppendTo: (streamId: string) => (failNext = (target) => target === streamId),
  };
}

const event = (type: string): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data: { type },
  metadata: { actor: { userId: 'u-1', role: 'coordinator' }, networkId: 'n-1', correlationId: 'c-1', causationId: null, occurredAt: '2026-09-12' },
});

describe('MultiStreamWrites', () => {
  const replace = (): StreamAppend[] => [
    { streamId: 'goal-old', events: [event('GoalReoriented')], expectedVersion: 0 },
    { streamId: 'goal-new', events: [event('GoalDefined')], expectedVersion: 'no_stream' },
  ];

  it('writes every stream and leaves nothing to complete', async () => {
    const { store, types } = storeWithoutTransactions();
    await store.append('goal-old', [event('GoalDefined')], 'no_stream');

    const results = await new MultiStreamWrites(store).write(replace());

    expect(results.map((result) => result.nextVersion)).toEqual([1, 0]);
    expect(types('goal-old')).toEqual(['GoalDefined', 'GoalReoriented']);
    expect(types('goal-new')).toEqual(['GoalDefined']);
    expect((await new MultiStreamWrites(store).completePending()).size).toBe(0);
  });

  it('completes the second stream from the record after the process died between the two appends', async () => {
    const { store, types, failAppendTo } = storeWithoutTransactions();
    await store.append('goal-old', [event('GoalDefined')], 'no_stream');
    const appends = replace();
    failAppendTo('goal-new');

    await expect(new MultiStreamWrites(store).write(appends)).rejects.toThrow('the process died');
    expect(types('goal-new')).toEqual([]);

    const outcomes = await new MultiStreamWrites(store).completePending();

    expect([...outcomes.values()]).toEqual([{ outcome: 'completed', results: [expect.objectContaining({ nextVersion: 1 }), expect.objectContaining({ nextVersion: 0 })] }]);
    expect(types('goal-old')).toEqual(['GoalDefined', 'GoalReoriented']);
    expect(types('goal-new')).toEqual(['GoalDefined']);
    const [defined] = await store.readStream('goal-new');
    expect(defined.eventId).toBe(appends[1].events[0].eventId);
    expect((await new MultiStreamWrites(store).completePending()).size).toBe(0);
  });

  it('completes both streams when the process died after recording the write, before any append', async () => {
    const { store, types, failAppendTo } = storeWithoutTransactions();
    await store.append('goal-old', [event('GoalDefined')], 'no_stream');
    failAppendTo('goal-old');

    await expect(new MultiStreamWrites(store).write(replace())).rejects.toThrow('the process died');
    await new MultiStreamWrites(store).completePending();

    expect(types('goal-old')).toEqual(['GoalDefined', 'GoalReoriented']);
    expect(types('goal-new')).toEqual(['GoalDefined']);
  });

  it('abandons a recorded write whose first stream moved on meanwhile, and writes none of it', async () => {
    const { store, types, failAppendTo } = storeWithoutTransactions();
    await store.append('goal-old', [event('GoalDefined')], 'no_stream');
    failAppendTo('goal-old');
    await expect(new MultiStreamWrites(store).write(replace())).rejects.toThrow('the process died');
    await store.append('goal-old', [event('GoalReviewed')], 0);

    const outcomes = await new MultiStreamWrites(store).completePending();

    expect([...outcomes.values()]).toEqual([{ outcome: 'abandoned', streamId: 'goal-old' }]);
    expect(types('goal-old')).toEqual(['GoalDefined', 'GoalReviewed']);
    expect(types('goal-new')).toEqual([]);
    expect((await new MultiStreamWrites(store).completePending()).size).toBe(0);
  });

  it('marks a write that lost the race on its first stream as done, and reports the conflict', async () => {
    const { store, types } = storeWithoutTransactions();
    await store.append('goal-old', [event('GoalDefined'), event('GoalReviewed')], 'no_stream');

    await expect(new MultiStreamWrites(store).write(replace())).rejects.toBeInstanceOf(ConcurrencyError);

    expect(types('goal-new')).toEqual([]);
    expect((await new MultiStreamWrites(store).completePending()).size).toBe(0);
    expect(types(MULTI_STREAM_WRITES)).toEqual(['MultiStreamWriteRecorded', 'MultiStreamWriteCompleted']);
  });
});

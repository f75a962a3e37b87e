import { randomUUID } from 'node:crypto';
import {
  ANY,
  NO_STREAM,
  ResolvedEvent,
  StreamNotFoundError,
  WrongExpectedVersionError,
  convertToCommandError,
} from '@eventstore/db-client';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { createStreamIdentifier } from '@eventstore/db-client/dist/utils/grpcStreamIdentifier';
import { createUUID } from '@eventstore/db-client/dist/utils/grpcUUID';
import { WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { ConcurrencyError, NewEvent, StoredEvent } from '../event-store.port';
import {
  assertAppendable,
  comesAfter,
  compareWithStored,
  firstVersionExpected,
  isOwnEvent,
  isSystemEvent,
  sameJson,
  toActualVersion,
  toClientPosition,
  toConcurrencyError,
  toEventData,
  toExpectedRevision,
  toGlobalPosition,
  toStoredEvent,
} from './eventstoredb-mapping';

describe('EventStoreDB mapping', () => {
  describe('expected version to the client', () => {
    it('passes a stream version as a bigint revision', () => {
      expect(toExpectedRevision(0)).toBe(0n);
      expect(toExpectedRevision(41)).toBe(41n);
    });

    it("maps 'no_stream' and 'any' to the client's constants", () => {
      expect(toExpectedRevision('no_stream')).toBe(NO_STREAM);
      expect(toExpectedRevision('any')).toBe(ANY);
    });

    it('treats -1 as no stream, as the PostgreSQL adapter does', () => {
      expect(toExpectedRevision(-1)).toBe(NO_STREAM);
    });

    it.each([-2, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])('refuses %p', (version) => {
      expect(() => toExpectedRevision(version)).toThrow(/expected version/);
    });

    it('names the first version an append would write', () => {
      expect(firstVersionExpected('any')).toBeNull();
      expect(firstVersionExpected('no_stream')).toBe(0);
      expect(firstVersionExpected(-1)).toBe(0);
      expect(firstVersionExpected(4)).toBe(5);
    });
  });

  describe('wrong expected version to ConcurrencyError', () => {
    it('carries the actual version of an existing stream', () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 'p-goal-1', expected: 0n, current: 1n });

      const mapped = toConcurrencyError('goal-1', 0, error);

      expect(mapped).toBeInstanceOf(ConcurrencyError);
      expect(mapped).toMatchObject({ code: 'event_store.concurrency', streamId: 'goal-1', expected: 0, actualVersion: 1 });
    });

    it('reports -1 for a stream that does not exist', () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 'goal-1', expected: 0n, current: NO_STREAM });

      expect(toConcurrencyError('goal-1', 0, error)).toMatchObject({ expected: 0, actualVersion: -1 });
    });

    it("keeps the caller's expectation, not the client's form of it", () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 'goal-1', expected: NO_STREAM, current: 0n });

      expect(toConcurrencyError('goal-1', 'no_stream', error)).toMatchObject({ expected: 'no_stream', actualVersion: 0 });
    });

    it('reads the versions of the batch-append answer (the protobuf WrongExpectedVersion)', () => {
      const details = new WrongExpectedVersion().setCurrentStreamRevision('7').setExpectedStreamPosition('3');
      const error = WrongExpectedVersionError.fromWrongExpectedVersion(details, 'goal-1');
      const noStream = WrongExpectedVersionError.fromWrongExpectedVersion(new WrongExpectedVersion().setExpectedStreamPosition('0'), 'goal-2');

      expect(error.actualVersion).toBe(7n);
      expect(toConcurrencyError('goal-1', 3, error).actualVersion).toBe(7);
      expect(noStream.actualVersion).toBe(NO_STREAM);
      expect(toConcurrencyError('goal-2', 0, noStream).actualVersion).toBe(-1);
    });

    it.each([
      [{ 'actual-version': '5' }, 5],
      [{ 'actual-version': '-1' }, -1],
      [{}, -1],
    ])('reads the versions of an error sent as gRPC metadata %p', (actual, version) => {
      const serviceError = Object.assign(new Error('9 FAILED_PRECONDITION: wrong expected version'), {
        code: 9,
        details: 'wrong expected version',
        metadata: {
          getMap: () => ({ exception: 'wrong-expected-version', 'stream-name': 'goal-1', 'expected-version': '2', ...actual }),
        },
      });

      const converted = convertToCommandError(serviceError);

      expect(converted).toBeInstanceOf(WrongExpectedVersionError);
      expect(toConcurrencyError('goal-1', 2, converted as WrongExpectedVersionError).actualVersion).toBe(version);
    });

    it('maps the actual revision on its own', () => {
      expect(toActualVersion(NO_STREAM)).toBe(-1);
      expect(toActualVersion(-1n)).toBe(-1);
      expect(toActualVersion(0n)).toBe(0);
      expect(toActualVersion(123n)).toBe(123);
    });
  });

  describe('positions', () => {
    it('keeps commit and prepare', () => {
      expect(toGlobalPosition({ commit: 1234n, prepare: 1200n })).toEqual({ commit: 1234n, prepare: 1200n });
      expect(toClientPosition({ commit: 9n, prepare: 8n })).toEqual({ commit: 9n, prepare: 8n });
    });

    it('knows no position when the server sent none or its "no position" marker', () => {
      expect(toGlobalPosition(undefined)).toBeNull();
      expect(toGlobalPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBeNull();
      expect(toGlobalPosition({ commit: 10n, prepare: 2n ** 64n - 1n })).toBeNull();
      expect(toGlobalPosition({ commit: -1n, prepare: -1n })).toBeNull();
    });

    it('reads $all after a position: the event at exactly that position is skipped', () => {
      const after = { commit: 500n, prepare: 500n };

      expect(comesAfter({ commit: 500n, prepare: 500n }, after)).toBe(false);
      expect(comesAfter({ commit: 400n, prepare: 400n }, after)).toBe(false);
      expect(comesAfter({ commit: 500n, prepare: 501n }, after)).toBe(true);
      expect(comesAfter({ commit: 501n, prepare: 0n }, after)).toBe(true);
      expect(comesAfter({ commit: 0n, prepare: 0n }, null)).toBe(true);
      expect(comesAfter({ commit: 0n, prepare: 0n }, undefined)).toBe(true);
    });
  });

  describe('system events', () => {
    it.each([
      ['$stats-127.0.0.1:2113', '$statsCollected'],
      ['$$goal-1', '$metadata'],
      ['$settings', 'settings'],
      ['goal-1', '$>'],
      ['$scavenges', '$scavengeStarted'],
    ])('counts %s / %s as a system event', (streamId, type) => {
      expect(isSystemEvent({ streamId, type })).toBe(true);
      expect(isOwnEvent({ streamId, type }, '')).toBe(false);
    });

    it('counts a user event of a user stream as ours', () => {
      expect(isSystemEvent({ streamId: 'goal-1', type: 'GoalDefined' })).toBe(false);
      expect(isOwnEvent({ streamId: 'goal-1', type: 'GoalDefined' }, '')).toBe(true);
    });

    it('counts only streams with the prefix as ours when the store has one', () => {
      expect(isOwnEvent({ streamId: 'run-1-goal-1', type: 'GoalDefined' }, 'run-1-')).toBe(true);
      expect(isOwnEvent({ streamId: 'run-2-goal-1', type: 'GoalDefined' }, 'run-1-')).toBe(false);
      expect(isOwnEvent({ streamId: 'goal-1', type: 'GoalDefined' }, 'run-1-')).toBe(false);
    });
  });

  describe('events', () => {
    it('sends the event id as the id, data as JSON and the schema version inside the metadata', () => {
      const event = newEvent('GoalDefined', { title: 'Sprache' });

      expect(toEventData(event)).toEqual({
        id: event.eventId,
        contentType: 'application/json',
        type: 'GoalDefined',
        data: { title: 'Sprache' },
        metadata: { ...event.metadata, schemaVersion: 2 },
      });
    });

    it('reads back what it wrote, through the client\'s own decoding of a server message', () => {
      const event = newEvent('GoalReviewed', { assessment: 'on_track', scores: [1, 2], nested: { a: null } });
      // 2024-03-14T09:30:00.123Z plus 456.7 µs, in the 100 ns ticks since the Unix epoch the server sends.
      const ticks = 1_710_408_600_123n * 10_000n + 4_567n;
      const resolved = fromServer(toEventData(event), { stream: 'run-1-goal-7', revision: 3n, commit: 9_000n, prepare: 8_900n, ticks });

      expect(toStoredEvent(resolved, 'run-1-')).toEqual({
        ...event,
        streamId: 'goal-7',
        streamVersion: 3,
        position: { commit: 9_000n, prepare: 8_900n },
        recordedAt: '2024-03-14T09:30:00.123Z',
      });
    });

    it('refuses a stream read without a position (servers before 22.6 send ulong.MaxValue)', () => {
      const max = (2n ** 64n - 1n).toString();
      const resolved = fromServer(toEventData(newEvent('A')), { stream: 'goal-1', revision: 0n, commit: BigInt(max), prepare: BigInt(max) });

      expect(() => toStoredEvent(resolved)).toThrow(/no position.*22\.6/);
    });

    it('refuses events that were not written through this store', () => {
      const recorded = toStoredEventInput();
      expect(() => toStoredEvent({})).toThrow(/without an event/);
      expect(() => toStoredEvent(withEvent({ ...recorded, isJson: false, data: new Uint8Array([1]) }))).toThrow(/no JSON object/);
      expect(() => toStoredEvent(withEvent({ ...recorded, data: [1, 2] }))).toThrow(/no JSON object/);
      expect(() => toStoredEvent(withEvent({ ...recorded, metadata: { actor: 'x' } }))).toThrow(/no schemaVersion/);
      expect(() => toStoredEvent(withEvent({ ...recorded, metadata: undefined }))).toThrow(/no schemaVersion/);
      expect(() => toStoredEvent(withEvent(recorded), 'other-')).toThrow(/outside this store's stream prefix/);
    });
  });

  describe('appends', () => {
    it('refuses no events and the same id twice', () => {
      const event = newEvent('A');
      expect(() => assertAppendable([])).toThrow(/at least one event/);
      expect(() => assertAppendable([event, { ...event, eventId: event.eventId.toUpperCase() }])).toThrow(/same event id twice/);
      expect(() => assertAppendable([event, newEvent('B')])).not.toThrow();
    });

    it('finds the stored events to be these, whatever the key order and metadata', () => {
      const events = [newEvent('A', { a: 1, b: { c: [1, { d: 2 }] } }), newEvent('B')];
      const stored = [
        stored0(events[0], { data: { b: { c: [1, { d: 2 }] }, a: 1 }, metadata: { ...events[0].metadata, correlationId: 'other' } }),
        stored0(events[1], { eventId: events[1].eventId.toUpperCase() }),
      ];

      expect(compareWithStored(events, stored)).toEqual({ outcome: 'same' });
    });

    it('finds other content under a stored id', () => {
      const event = newEvent('A', { value: 1 });

      expect(compareWithStored([event], [stored0(event, { data: { value: 2 } })])).toEqual({ outcome: 'other_content', eventId: event.eventId });
      expect(compareWithStored([event], [stored0(event, { type: 'Other' })])).toEqual({ outcome: 'other_content', eventId: event.eventId });
    });

    it('finds other events when ids or their number differ', () => {
      const [a, b] = [newEvent('A'), newEvent('B')];

      expect(compareWithStored([a], [stored0(b)])).toEqual({ outcome: 'other_events' });
      expect(compareWithStored([a, b], [stored0(a)])).toEqual({ outcome: 'other_events' });
      expect(compareWithStored([a], [])).toEqual({ outcome: 'other_events' });
    });

    it('compares data as stored JSON', () => {
      expect(sameJson({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
      expect(sameJson({ at: new Date('2024-01-01T00:00:00.000Z') }, { at: '2024-01-01T00:00:00.000Z' })).toBe(true);
      expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
      expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
      expect(sameJson({ a: null }, {})).toBe(false);
    });
  });

  it('exports the error classes the adapter tells apart', () => {
    // The adapter relies on instanceof for both; a client upgrade that renames them must fail here.
    expect(new StreamNotFoundError(undefined, 'goal-1')).toMatchObject({ type: 'stream-not-found', streamName: 'goal-1' });
    expect(new WrongExpectedVersionError(undefined, { streamName: 's', expected: 1n, current: 2n })).toMatchObject({
      type: 'wrong-expected-version',
      expectedVersion: 1n,
      actualVersion: 2n,
    });
  });
});

function newEvent(type: string, data: Record<string, unknown> = { note: type }): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 2,
    data,
    metadata: {
      actor: { userId: 'user-1', displayName: 'Ada', role: 'coordinator' },
      networkId: 'network-1',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2024-03-14T09:30:00.000Z',
      reason: 'unit test',
    },
  };
}

function stored0(event: NewEvent, overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    ...event,
    streamId: 'goal-1',
    streamVersion: 0,
    position: { commit: 1n, prepare: 1n },
    recordedAt: '2024-03-14T09:30:00.000Z',
    ...overrides,
  };
}

/**
 * A read result as the client decodes it from the server's message: the proposed event is laid out
 * the way the client's append sends it (type and content type as properties, JSON bytes), and the
 * server adds stream, revision, position and the "created" ticks.
 */
function fromServer(
  data: ReturnType<typeof toEventData>,
  at: { stream: string; revision: bigint; commit: bigint; prepare: bigint; ticks?: bigint },
): ResolvedEvent {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(createUUID(data.id))
    .setStreamIdentifier(createStreamIdentifier(at.stream))
    .setStreamRevision(at.revision.toString())
    .setCommitPosition(at.commit.toString())
    .setPreparePosition(at.prepare.toString())
    .setData(Buffer.from(JSON.stringify(data.data), 'utf8'))
    .setCustomMetadata(Buffer.from(JSON.stringify(data.metadata), 'utf8'));
  recorded.getMetadataMap().set('type', data.type);
  recorded.getMetadataMap().set('content-type', data.contentType);
  recorded.getMetadataMap().set('created', (at.ticks ?? 1_710_408_600_000n * 10_000n).toString());
  const message = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(at.commit.toString());
  // Through the wire format, so that nothing survives that the server would not send.
  return convertGrpcEvent(ReadResp.ReadEvent.deserializeBinary(message.serializeBinary()));
}

type Recorded = NonNullable<ResolvedEvent['event']>;

function toStoredEventInput(): Recorded {
  const event = fromServer(toEventData(newEvent('A')), { stream: 'goal-1', revision: 0n, commit: 10n, prepare: 10n }).event;
  if (!event) throw new Error('no event');
  return event;
}

function withEvent(event: Record<string, unknown>): ResolvedEvent {
  return { event: event as unknown as Recorded };
}

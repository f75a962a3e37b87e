import { createHash } from 'node:crypto';
import { canonicalEvent, canonicalJson, chainHashes, ChainedEvent, ChainVerifier, describeBrokenLink, hashEvent, HashableEvent } from './hash-chain';

function event(streamVersion: number, data: Record<string, unknown> = { title: `E${streamVersion}` }, streamId = 'goal-1'): HashableEvent {
  return {
    streamId,
    streamVersion,
    eventId: `00000000-0000-4000-8000-${String(streamVersion).padStart(12, '0')}`,
    type: 'GoalReviewed',
    schemaVersion: 1,
    data,
    metadata: { actor: { userId: 'u-1', role: 'coordinator' }, networkId: 'n-1', correlationId: 'c-1', causationId: null, occurredAt: '2026-03-01T00:00:00.000Z' },
    recordedAt: '2026-03-01T10:00:00.123Z',
  };
}

/** A stream as a store returns it: each event with its hash and the one before it. */
function chained(events: HashableEvent[]): ChainedEvent[] {
  const hashes = chainHashes(events, null);
  return events.map((e, i) => ({ ...e, ...hashes[i] }));
}

describe('canonical form', () => {
  it('sorts keys at every depth, so key order does not change the hash', () => {
    const a = event(0, { b: 1, a: { y: [1, { q: 2, p: 1 }], x: 'ü' } });
    const b = event(0, { a: { x: 'ü', y: [1, { p: 1, q: 2 }] }, b: 1 });
    b.metadata = Object.fromEntries(Object.entries(a.metadata).reverse());

    expect(canonicalJson(a.data)).toBe('{"a":{"x":"ü","y":[1,{"p":1,"q":2}]},"b":1}');
    expect(hashEvent(a, null)).toBe(hashEvent(b, null));
  });

  it('leaves out what JSON leaves out, as the stores do', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, NaN], c: new Date('2026-01-01T00:00:00Z') })).toBe('{"b":[null,null],"c":"2026-01-01T00:00:00.000Z"}');
  });

  it('is the SHA-256 of the documented JSON object, with the event id in lower case', () => {
    const e = { ...event(3), eventId: 'ABCDEF00-0000-4000-8000-000000000003' };
    const text = canonicalEvent(e, 'f'.repeat(64));

    expect(JSON.parse(text)).toEqual({ ...e, eventId: e.eventId.toLowerCase(), previousHash: 'f'.repeat(64) });
    expect(Object.keys(JSON.parse(text))).toEqual(['data', 'eventId', 'metadata', 'previousHash', 'recordedAt', 'schemaVersion', 'streamId', 'streamVersion', 'type']);
    expect(hashEvent(e, 'f'.repeat(64))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it.each<[string, (e: HashableEvent) => HashableEvent]>([
    ['data', (e) => ({ ...e, data: { title: 'E0 ' } })],
    ['a nested metadata field', (e) => ({ ...e, metadata: { ...e.metadata, actor: { userId: 'u-2', role: 'coordinator' } } })],
    ['the type', (e) => ({ ...e, type: 'GoalRetired' })],
    ['the schema version', (e) => ({ ...e, schemaVersion: 2 })],
    ['the record time', (e) => ({ ...e, recordedAt: '2026-03-01T10:00:00.124Z' })],
    ['the stream', (e) => ({ ...e, streamId: 'goal-2' })],
    ['the version', (e) => ({ ...e, streamVersion: 1 })],
    ['the event id', (e) => ({ ...e, eventId: e.eventId.replace(/0$/, '1') })],
  ])('changes with %s', (_, change) => {
    const original = event(0);
    expect(hashEvent(change(original), null)).not.toBe(hashEvent(original, null));
  });

  it('changes with the previous hash', () => {
    expect(hashEvent(event(1), 'a'.repeat(64))).not.toBe(hashEvent(event(1), 'b'.repeat(64)));
  });
});

describe('ChainVerifier', () => {
  function verify(events: ChainedEvent[]): ChainVerifier {
    const verifier = new ChainVerifier();
    for (const e of events) verifier.add(e);
    return verifier;
  }

  it('accepts intact streams, interleaved as a global order has them', () => {
    const one = chained([event(0), event(1), event(2)]);
    const two = chained([event(0, {}, 'goal-2'), event(1, {}, 'goal-2')]);

    const verifier = verify([one[0], two[0], one[1], two[1], one[2]]);

    expect(verifier.brokenLinks).toEqual([]);
    expect([verifier.checkedEvents, verifier.checkedStreams]).toEqual([5, 2]);
    expect(verifier.lastHash('goal-1')).toBe(one[2].hash);
  });

  it('names a changed event by its content hash, and does not report the same stream again', () => {
    const stream = chained([event(0), event(1), event(2)]);
    stream[1] = { ...stream[1], data: { title: 'verändert' } };

    const verifier = verify(stream);

    expect(verifier.brokenLinks).toEqual([
      { streamId: 'goal-1', streamVersion: 1, eventId: stream[1].eventId, problem: 'content_hash_mismatch', expected: stream[1].hash, found: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(verifier.brokenStreams).toBe(1);
  });

  it('names a broken previous link: an event rehashed after a change', () => {
    const stream = chained([event(0), event(1), event(2)]);
    const changed = { ...stream[0], data: { title: 'verändert' } };
    stream[0] = { ...changed, hash: hashEvent(changed, null) }; // its own hash recomputed, the next event still names the old one

    expect(verify(stream).brokenLinks).toEqual([
      { streamId: 'goal-1', streamVersion: 1, eventId: stream[1].eventId, problem: 'previous_hash_mismatch', expected: stream[0].hash, found: stream[1].previousHash },
    ]);
  });

  it('names a gap where an event was removed', () => {
    const stream = chained([event(0), event(1), event(2), event(3)]);

    expect(verify([stream[0], stream[1], stream[3]]).brokenLinks).toEqual([
      { streamId: 'goal-1', streamVersion: 3, eventId: stream[3].eventId, problem: 'version_gap', expected: '2', found: '3' },
    ]);
  });

  it('names a stream that does not start at version 0, and a first event that claims a predecessor', () => {
    const stream = chained([event(0), event(1)]);
    expect(verify([stream[1]]).brokenLinks[0]).toMatchObject({ problem: 'version_gap', expected: '0', found: '1' });

    const first = { ...event(0), previousHash: 'a'.repeat(64) };
    expect(verify([{ ...first, hash: hashEvent(first, first.previousHash) }]).brokenLinks[0]).toMatchObject({ problem: 'previous_hash_mismatch', expected: null });
  });

  it('names an event without a hash', () => {
    const [first] = chained([event(0)]);
    expect(verify([{ ...first, hash: undefined }]).brokenLinks[0]).toMatchObject({ problem: 'missing_hash', streamVersion: 0 });
  });

  it('keeps a bounded number of broken links but counts them all', () => {
    const verifier = new ChainVerifier({ keepBrokenLinks: 2 });
    for (let i = 0; i < 5; i++) verifier.add({ ...event(0, {}, `goal-${i}`), hash: undefined });

    expect(verifier.brokenLinks).toHaveLength(2);
    expect(verifier.brokenStreams).toBe(5);
  });

  it('verifies events of old schema versions as they are stored', () => {
    const stream = chained([{ ...event(0), schemaVersion: 1, data: { old: 'shape' } }, { ...event(1), schemaVersion: 3 }]);
    expect(verify(stream).brokenLinks).toEqual([]);
  });

  it('says what is wrong in German and English', () => {
    const text = describeBrokenLink({ streamId: 'goal-1', streamVersion: 2, eventId: null, problem: 'missing_tail', expected: '4', found: '1' });
    expect(text.de).toContain('Version 4');
    expect(text.en).toContain('version 4');
  });
});

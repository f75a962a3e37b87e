import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { BundleChecker, BundleDigest, bundleEventLine, publicKeyFingerprint } from './audit-bundle';
import { StoredEvent } from './event-store.port';
import { chainHashes } from './hash-chain';

const NETWORK = '6f1c1c52-3a43-4a4e-9d55-2a3c9a9e0c01';
const { privateKey } = generateKeyPairSync('ed25519');

function stream(streamId: string, count: number, networkId = NETWORK): StoredEvent[] {
  const events = Array.from({ length: count }, (_, version) => ({
    streamId,
    streamVersion: version,
    eventId: randomUUID(),
    type: 'GoalReviewed',
    schemaVersion: 1,
    data: { assessment: 'on_track', evidence: `Sitzung ${version}` },
    metadata: { actor: { userId: 'u-1', role: 'coordinator' }, networkId, correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-01' },
    recordedAt: `2026-03-0${version + 1}T10:00:00.000Z`,
    position: { commit: BigInt(100 + version), prepare: BigInt(version + 1) },
  }));
  const hashes = chainHashes(events, null);
  return events.map((event, i) => ({ ...event, ...hashes[i] }));
}

function bundle(events: StoredEvent[], key = privateKey): string[] {
  const digest = new BundleDigest();
  const lines = events.map((event) => {
    const line = bundleEventLine(event);
    digest.add(event, line);
    return line;
  });
  return (digest.header(NETWORK, '2026-04-01T12:00:00.000Z', key) + lines.join('')).split('\n').slice(0, -1);
}

function check(lines: string[], fingerprint?: string) {
  const checker = new BundleChecker(fingerprint);
  for (const line of lines) if (!checker.add(line)) break;
  return checker.finish();
}

const events = [...stream('goal-1', 3), ...stream('network-1', 2)];

describe('audit bundle', () => {
  it('checks a bundle as written, also against the expected key', () => {
    const lines = bundle(events);

    expect(check(lines)).toMatchObject({ ok: true, checkedEvents: 5, problem: null });
    expect(check(lines, publicKeyFingerprint(privateKey))).toMatchObject({ ok: true });
    expect(JSON.parse(lines[0]).streams).toEqual({
      'goal-1': { lastVersion: 2, headHash: events[2].hash },
      'network-1': { lastVersion: 1, headHash: events[4].hash },
    });
  });

  it('names a changed byte in an event line', () => {
    const lines = bundle(events);
    lines[3] = lines[3].replace('Sitzung 1', 'Sitzung 7');

    expect(check(lines).problem).toMatchObject({ code: 'bundle.chain_broken', line: 4 });
  });

  it('names event lines that parse the same but differ from what was signed', () => {
    const lines = bundle(events);
    lines[2] = lines[2].replace('{', '{ ');

    expect(check(lines).problem).toMatchObject({ code: 'bundle.events_digest_mismatch', line: null });
  });

  it('names a removed last event: the digest no longer matches', () => {
    expect(check(bundle(events).slice(0, -1)).problem?.code).toBe('bundle.events_digest_mismatch');
  });

  it('refuses a changed manifest, a wrong signature and an unexpected key', () => {
    const changed = bundle(events);
    changed[0] = changed[0].replace('"eventCount":5', '"eventCount":4');
    expect(check(changed).problem).toMatchObject({ code: 'bundle.signature_invalid', line: 2 });

    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const resigned = bundle(events);
    resigned[1] = bundle(events, otherKey)[1];
    expect(check(resigned).problem?.code).toBe('bundle.signature_invalid');

    expect(check(bundle(events, otherKey), publicKeyFingerprint(privateKey)).problem?.code).toBe('bundle.key_mismatch');
  });

  it('refuses an event of another network', () => {
    const foreign = stream('goal-9', 1, randomUUID());
    expect(check(bundle([...events, ...foreign])).problem).toMatchObject({ code: 'bundle.foreign_event', line: 8 });
  });

  it('refuses what is no bundle', () => {
    expect(check(['{"format":"something else"}']).problem?.code).toBe('bundle.malformed');
    expect(check([]).problem?.code).toBe('bundle.malformed');
  });
});

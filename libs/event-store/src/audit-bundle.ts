/**
 * The audit bundle: one network's events with their hashes and a signed manifest, in one JSON-lines
 * file that can be checked offline with this module and node:crypto alone.
 *
 *   line 1   the manifest, canonical JSON: { format, networkId, exportedAt, eventCount, eventsSha256,
 *            streams: { <streamId>: { lastVersion, headHash } }, hashAlgorithm, signatureAlgorithm,
 *            publicKey (SPKI PEM), keyFingerprint (SHA-256 of the SPKI DER, hex) }
 *   line 2   { signature }: Ed25519 over the UTF-8 bytes of line 1 (without its newline), base64
 *   line 3…  one event each, canonical JSON: { streamId, streamVersion, eventId, type, schemaVersion,
 *            data, metadata, recordedAt, previousHash, hash, position } in stream order per stream
 *
 * eventsSha256 is the SHA-256 of the bytes of every event line, each with its newline. Every line
 * ends with "\n".
 */
import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { StoredEvent } from './event-store.port';
import { formatPosition } from './global-position';
import { ChainVerifier, canonicalJson, describeBrokenLink, isHash } from './hash-chain';

export const BUNDLE_FORMAT = 'kreislauf-audit-bundle/1';

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  networkId: string;
  exportedAt: string;
  eventCount: number;
  eventsSha256: string;
  streams: Record<string, { lastVersion: number; headHash: string | null }>;
  hashAlgorithm: string;
  signatureAlgorithm: 'Ed25519';
  publicKey: string;
  keyFingerprint: string;
}

/** SHA-256 of the key's SPKI DER encoding, hex: what an auditor compares with `audit:key`. */
export function publicKeyFingerprint(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function publicKeyPem(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** An event as its bundle line, with the newline. */
export function bundleEventLine(event: StoredEvent): string {
  return (
    canonicalJson({
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: event.metadata,
      recordedAt: event.recordedAt,
      previousHash: event.previousHash ?? null,
      hash: event.hash ?? null,
      position: formatPosition(event.position),
    }) + '\n'
  );
}

/** Collects what the manifest says about the event lines while they are written. */
export class BundleDigest {
  private readonly digest = createHash('sha256');
  private readonly streams: BundleManifest['streams'] = {};
  private count = 0;

  add(event: StoredEvent, line: string): void {
    this.digest.update(line);
    this.streams[event.streamId] = { lastVersion: event.streamVersion, headHash: event.hash ?? null };
    this.count++;
  }

  /** The manifest and signature lines that go before the event lines. */
  header(networkId: string, exportedAt: string, privateKey: KeyObject): string {
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      networkId,
      exportedAt,
      eventCount: this.count,
      eventsSha256: this.digest.copy().digest('hex'),
      streams: this.streams,
      hashAlgorithm: 'SHA-256 of the RFC 8785 canonical form of each event, chained per stream',
      signatureAlgorithm: 'Ed25519',
      publicKey: publicKeyPem(privateKey),
      keyFingerprint: publicKeyFingerprint(privateKey),
    };
    const manifestLine = canonicalJson(manifest);
    const signature = sign(null, Buffer.from(manifestLine, 'utf8'), privateKey).toString('base64');
    return `${manifestLine}\n${canonicalJson({ signature })}\n`;
  }
}

export interface BundleProblem {
  code:
    | 'bundle.malformed'
    | 'bundle.signature_invalid'
    | 'bundle.key_mismatch'
    | 'bundle.events_digest_mismatch'
    | 'bundle.event_count_mismatch'
    | 'bundle.stream_head_mismatch'
    | 'bundle.foreign_event'
    | 'bundle.chain_broken';
  /** The line of the file it concerns (1 for the manifest), or null for the file as a whole. */
  line: number | null;
  de: string;
  en: string;
}

export interface BundleCheckResult {
  ok: boolean;
  manifest: BundleManifest | null;
  checkedEvents: number;
  problem: BundleProblem | null;
}

/**
 * Checks a bundle line by line (bounded memory: one entry per stream): the signature over the
 * manifest, every event's hash and chain, the digest of the event lines, their count and each
 * stream's head. Stops at the first problem. With `expectedFingerprint`, the signing key must be that one.
 */
export class BundleChecker {
  private lineNumber = 0;
  private manifest: BundleManifest | null = null;
  private manifestLine = '';
  private readonly digest = createHash('sha256');
  private readonly verifier = new ChainVerifier({ keepBrokenLinks: 1 });
  private problem: BundleProblem | null = null;

  constructor(private readonly expectedFingerprint?: string) {}

  /** Feeds the next line (without its newline); false once a problem was found. */
  add(line: string): boolean {
    if (this.problem) return false;
    this.lineNumber++;
    if (this.lineNumber === 1) this.readManifest(line);
    else if (this.lineNumber === 2) this.checkSignature(line);
    else this.checkEvent(line);
    return this.problem === null;
  }

  finish(): BundleCheckResult {
    if (!this.problem) this.checkTotals();
    return { ok: this.problem === null, manifest: this.manifest, checkedEvents: this.verifier.checkedEvents, problem: this.problem };
  }

  private readManifest(line: string): void {
    const manifest = parseObject(line) as Partial<BundleManifest> | null;
    if (!manifest || manifest.format !== BUNDLE_FORMAT) {
      return this.fail('bundle.malformed', `Die erste Zeile ist kein Manifest im Format ${BUNDLE_FORMAT}.`, `The first line is no manifest of format ${BUNDLE_FORMAT}.`);
    }
    const wellFormed =
      typeof manifest.networkId === 'string' &&
      Number.isSafeInteger(manifest.eventCount) &&
      isHash(manifest.eventsSha256) &&
      typeof manifest.streams === 'object' &&
      manifest.streams !== null &&
      typeof manifest.publicKey === 'string' &&
      typeof manifest.keyFingerprint === 'string';
    if (!wellFormed) return this.fail('bundle.malformed', 'Dem Manifest fehlen Angaben.', 'The manifest lacks fields.');
    this.manifest = manifest as BundleManifest;
    this.manifestLine = line;
  }

  private checkSignature(line: string): void {
    const manifest = this.manifest!;
    let key: KeyObject;
    try {
      key = createPublicKey(manifest.publicKey);
    } catch {
      return this.fail('bundle.malformed', 'Der öffentliche Schlüssel im Manifest ist unlesbar.', 'The public key in the manifest cannot be read.');
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      return this.fail('bundle.malformed', 'Der Schlüssel im Manifest ist kein Ed25519-Schlüssel.', 'The key in the manifest is no Ed25519 key.');
    }
    const fingerprint = publicKeyFingerprint(key);
    if (fingerprint !== manifest.keyFingerprint) {
      return this.fail('bundle.key_mismatch', 'Der Fingerabdruck im Manifest gehört nicht zum Schlüssel im Manifest.', 'The fingerprint in the manifest is not that of the key in it.');
    }
    if (this.expectedFingerprint && this.expectedFingerprint.replace(/[^0-9a-f]/gi, '').toLowerCase() !== fingerprint) {
      return this.fail(
        'bundle.key_mismatch',
        `Signiert mit Schlüssel ${fingerprint}, erwartet war ${this.expectedFingerprint}.`,
        `Signed with key ${fingerprint}; ${this.expectedFingerprint} was expected.`,
      );
    }
    const signature = (parseObject(line) as { signature?: unknown } | null)?.signature;
    if (typeof signature !== 'string' || !verifies(this.manifestLine, key, signature)) {
      this.fail('bundle.signature_invalid', 'Die Signatur des Manifests ist ungültig.', 'The signature of the manifest is not valid.');
    }
  }

  private checkEvent(line: string): void {
    this.digest.update(line + '\n');
    const event = parseObject(line) as (StoredEvent & { position: string }) | null;
    if (!event || typeof event.streamId !== 'string' || !Number.isSafeInteger(event.streamVersion) || typeof event.eventId !== 'string') {
      return this.fail('bundle.malformed', `Zeile ${this.lineNumber} ist kein Ereignis.`, `Line ${this.lineNumber} is no event.`);
    }
    const networkId = (event.metadata as { networkId?: unknown } | undefined)?.networkId;
    if (typeof networkId !== 'string' || networkId.toLowerCase() !== this.manifest!.networkId.toLowerCase()) {
      return this.fail(
        'bundle.foreign_event',
        `Zeile ${this.lineNumber}: Das Ereignis ${event.eventId} gehört nicht zum Netzwerk des Manifests.`,
        `Line ${this.lineNumber}: event ${event.eventId} does not belong to the manifest's network.`,
      );
    }
    const link = this.verifier.add({ ...event, hash: event.hash ?? undefined });
    if (link) {
      const text = describeBrokenLink(link);
      this.fail('bundle.chain_broken', `Zeile ${this.lineNumber}: ${text.de}`, `Line ${this.lineNumber}: ${text.en}`);
    }
  }

  private checkTotals(): void {
    const manifest = this.manifest;
    if (!manifest || this.lineNumber < 2) {
      return this.fail('bundle.malformed', 'Die Datei hat kein Manifest mit Signatur.', 'The file has no manifest with a signature.', null);
    }
    if (this.digest.digest('hex') !== manifest.eventsSha256) {
      return this.fail('bundle.events_digest_mismatch', 'Die Ereigniszeilen passen nicht zur Prüfsumme im Manifest.', 'The event lines do not match the digest in the manifest.', null);
    }
    if (this.verifier.checkedEvents !== manifest.eventCount) {
      return this.fail(
        'bundle.event_count_mismatch',
        `Das Manifest nennt ${manifest.eventCount} Ereignisse, die Datei enthält ${this.verifier.checkedEvents}.`,
        `The manifest names ${manifest.eventCount} events; the file holds ${this.verifier.checkedEvents}.`,
        null,
      );
    }
    const named = Object.keys(manifest.streams);
    const found = [...this.verifier.streamIds()];
    for (const streamId of new Set([...named, ...found])) {
      const head = manifest.streams[streamId];
      if (!head || head.lastVersion !== this.verifier.lastVersion(streamId) || head.headHash !== this.verifier.lastHash(streamId)) {
        return this.fail(
          'bundle.stream_head_mismatch',
          `Das Ende von Stream ${streamId} passt nicht zum Manifest.`,
          `The end of stream ${streamId} does not match the manifest.`,
          null,
        );
      }
    }
  }

  private fail(code: BundleProblem['code'], de: string, en: string, line: number | null = this.lineNumber): void {
    this.problem = { code, line, de, en };
  }
}

function verifies(manifestLine: string, key: KeyObject, signature: string): boolean {
  try {
    return verify(null, Buffer.from(manifestLine, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false; // a signature of the wrong length
  }
}

function parseObject(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

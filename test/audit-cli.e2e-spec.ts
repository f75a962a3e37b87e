import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { InvalidConfiguration, loadConfig } from '@kreislauf/storage';
import { runCli } from '../apps/cli/src/cli';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

/** `npm run cli -- audit:verify | audit:export | audit:check | audit:key` against a real network. */
describe('audit cli', () => {
  let api: TestApi;
  let fixture: NetworkFixture;
  let dir: string;
  let lines: string[] = [];
  const keyFile = () => join(dir, 'keys', 'audit-signing-key.pem');
  const cli = (...argv: string[]) => {
    lines = [];
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: api.database.url, AUDIT_SIGNING_KEY_FILE: keyFile() });
    return runCli(argv, config, async () => api.database.url, { log: (line) => lines.push(line) });
  };
  /** Runs audit:check with no database at all: any attempt to reach one fails the test. */
  const offlineCheck = (...argv: string[]) => {
    lines = [];
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', AUDIT_SIGNING_KEY_FILE: keyFile() });
    return runCli(['audit:check', ...argv], config, () => Promise.reject(new Error('audit:check asked for the database')), { log: (line) => lines.push(line) });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kreislauf-audit-'));
    api = await startTestApi();
    fixture = await networkWithGoals(api);
    await networkWithGoals(api); // another network, whose events stay out of the bundle
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the whole store and one network', async () => {
    expect(await cli('audit:verify')).toBe(0);
    expect(lines[0]).toMatch(/^OK .* events in \d+ streams \(whole store\)/);
    expect(await cli('audit:verify', fixture.networkId)).toBe(0);
    expect(lines[0]).toContain(`(network ${fixture.networkId})`);
    expect(await cli('audit:verify', fixture.networkId, '--json')).toBe(0);
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ ok: true, networkId: fixture.networkId, firstBrokenLink: null });
  });

  it('creates the signing key on first use, readable by its owner only, and prints its public half', async () => {
    expect(await cli('audit:key')).toBe(0);

    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(lines[0]).toMatch(/^-----BEGIN PUBLIC KEY-----\n.+\n-----END PUBLIC KEY-----$/);
    expect(lines.join('\n')).toMatch(/fingerprint \(SHA-256 of the SPKI DER\): [0-9a-f]{64}/);
    const first = lines.join('\n');
    expect(await cli('audit:key')).toBe(0);
    expect(lines.join('\n')).toBe(first); // the same key again
  });

  describe('export and offline check', () => {
    let bundle: string;
    let fingerprint: string;

    beforeAll(async () => {
      await cli('audit:key');
      fingerprint = /([0-9a-f]{64})/.exec(lines.join('\n'))![1];
      bundle = join(dir, 'bundle.jsonl');
      expect(await cli('audit:export', fixture.networkId, bundle)).toBe(0);
      expect(lines[0]).toMatch(new RegExp(`^exported \\d+ events in \\d+ streams of network ${fixture.networkId}`));
    });

    const bundleLines = () => readFileSync(bundle, 'utf8').split('\n');
    const variant = (name: string, change: (lines: string[]) => void) => {
      const changed = bundleLines();
      change(changed);
      const file = join(dir, name);
      writeFileSync(file, changed.join('\n'));
      return file;
    };

    it('writes one file: a manifest, its signature, then the network’s events only', () => {
      const [manifestLine, signatureLine, ...events] = bundleLines().slice(0, -1);
      const manifest = JSON.parse(manifestLine);

      expect(manifest).toMatchObject({ format: 'kreislauf-audit-bundle/1', networkId: fixture.networkId, keyFingerprint: fingerprint, eventCount: events.length });
      expect(Object.keys(JSON.parse(signatureLine))).toEqual(['signature']);
      expect(events.map((line) => JSON.parse(line).metadata.networkId)).toEqual(events.map(() => fixture.networkId));
      expect(manifest.streams[`goal-${fixture.operationalId}`]).toMatchObject({ lastVersion: expect.any(Number), headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    });

    it('checks the bundle as OK without the database, also against the expected fingerprint', async () => {
      expect(await offlineCheck(bundle)).toBe(0);
      expect(lines[0]).toMatch(/^OK /);
      expect(await offlineCheck(bundle, '--fingerprint', fingerprint)).toBe(0);
      expect(await offlineCheck(bundle, '--fingerprint', 'ab'.repeat(32))).toBe(1);
      expect(lines.join('\n')).toContain('bundle.key_mismatch');
    });

    it('fails on one changed byte in an event line and names the line', async () => {
      const file = variant('changed-byte.jsonl', (changed) => {
        const index = changed.findIndex((line) => line.includes('"title":"operational goal"'));
        changed[index] = changed[index].replace('"title":"operational goal"', '"title":"operational goaL"');
      });

      expect(await offlineCheck(file)).toBe(1);
      expect(lines[0]).toMatch(/^FEHLER \/ FAILED – bundle\.chain_broken \(line \d+\)/);
      expect(lines.join('\n')).toContain('content does not match its stored hash');
    });

    it('fails on a wrong signature', async () => {
      const other = generateKeyPairSync('ed25519').privateKey;
      const file = variant('wrong-signature.jsonl', (changed) => {
        changed[1] = JSON.stringify({ signature: sign(null, Buffer.from(changed[0]), other).toString('base64') });
      });

      expect(await offlineCheck(file)).toBe(1);
      expect(lines[0]).toBe('FEHLER / FAILED – bundle.signature_invalid (line 2)');
    });

    it('fails on a missing file, and explains its usage', async () => {
      expect(await offlineCheck(join(dir, 'missing.jsonl'))).toBe(1);
      expect(await cli('audit:check')).toBe(2);
      expect(await cli('audit:export', fixture.networkId)).toBe(2);
      expect(await cli('audit:verify', 'not-a-uuid')).toBe(2);
      expect(lines.join('\n')).toContain('Usage: npm run cli');
    });
  });

  it('refuses a key file setting that names a directory', () => {
    expect(() => loadConfig({ AUDIT_SIGNING_KEY_FILE: '/var/lib/kreislauf/' })).toThrow(InvalidConfiguration);
  });

  it('fails verification after a row was altered, naming the event; an export then fails its check too', async () => {
    const sql = new Client({ connectionString: api.database.url });
    await sql.connect();
    let victim: { event_id: string; stream_id: string };
    try {
      victim = (await sql.query('SELECT event_id, stream_id FROM events WHERE stream_id = $1 AND stream_version = 0', [`goal-${fixture.strategicId}`])).rows[0];
      await sql.query('SET session_replication_role = replica');
      await sql.query(`UPDATE events SET metadata = jsonb_set(metadata, '{occurredAt}', '"2020-01-01"') WHERE event_id = $1`, [victim.event_id]);
    } finally {
      await sql.end();
    }

    expect(await cli('audit:verify')).toBe(1);
    expect(lines[0]).toBe('FEHLER – erste Bruchstelle / FAILED – first broken link: content_hash_mismatch');
    expect(lines[2]).toContain(`stream ${victim.stream_id}, version 0 (${victim.event_id})`);
    expect(await cli('audit:verify', fixture.networkId)).toBe(1);

    const tampered = join(dir, 'tampered.jsonl');
    expect(await cli('audit:export', fixture.networkId, tampered)).toBe(1);
    expect(await offlineCheck(tampered)).toBe(1);
    expect(lines[0]).toContain('bundle.chain_broken');
  });
});

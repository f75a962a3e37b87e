import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync, WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { KeyObject } from 'node:crypto';
import {
  BundleChecker,
  BundleDigest,
  bundleEventLine,
  ChainVerificationReport,
  describeBrokenLink,
  EventStore,
  publicKeyFingerprint,
  publicKeyPem,
  verifyChains,
} from '@kreislauf/event-store';
import type { CliOutput } from './cli-output';

/** How many broken links a verification lists beside the first. */
const LISTED_BROKEN_LINKS = 20;

/** `audit:verify [networkId]`: 0 when every chain holds, 1 when one is broken. */
export async function auditVerify(store: EventStore, networkId: string | null, json: boolean, out: CliOutput): Promise<number> {
  const report = await verifyChains(store, { networkId, keepBrokenLinks: LISTED_BROKEN_LINKS });
  if (json) out.log(JSON.stringify(report, null, 2));
  else printReport(report, out);
  return report.ok ? 0 : 1;
}

function printReport(report: ChainVerificationReport, out: CliOutput): void {
  const scope = report.networkId ? `network ${report.networkId}` : 'whole store';
  const counts = `${report.checkedEvents} events in ${report.checkedStreams} streams (${scope})`;
  const ends = report.streamEndsChecked
    ? 'stream ends compared with the store’s stream versions'
    : 'stream ends not compared: this event store keeps no separate record of stream versions';
  if (report.ok) {
    out.log(`OK – alle Hash-Ketten unversehrt / every hash chain intact: ${counts}; ${ends}`);
    return;
  }
  const first = describeBrokenLink(report.firstBrokenLink!);
  out.log(`FEHLER – erste Bruchstelle / FAILED – first broken link: ${report.firstBrokenLink!.problem}`);
  out.log(`  ${first.de}`);
  out.log(`  ${first.en}`);
  out.log(`${report.brokenStreams} broken stream(s) among ${counts}; ${ends}`);
  for (const link of report.brokenLinks.slice(1)) out.log(`  also: ${describeBrokenLink(link).en}`);
  if (report.brokenStreams > report.brokenLinks.length) out.log(`  … and ${report.brokenStreams - report.brokenLinks.length} more`);
}

/**
 * `audit:export <networkId> <file>`: the network's events, with their hashes, under a signed manifest
 * (format in libs/event-store/src/audit-bundle.ts). The event lines go to a temporary file first, since
 * the manifest that precedes them needs their digest; the bundle appears under its name only when complete.
 * A broken chain is exported as it is, and reported: 1.
 */
export async function auditExport(store: EventStore, networkId: string, file: string, key: KeyObject, out: CliOutput): Promise<number> {
  const target = resolve(file);
  const eventsFile = `${target}.events.tmp`;
  const partialFile = `${target}.partial`;
  const digest = new BundleDigest();
  const events = createWriteStream(eventsFile, { mode: 0o600 });
  try {
    const report = await verifyChains(store, {
      networkId,
      keepBrokenLinks: LISTED_BROKEN_LINKS,
      onEvent: async (event) => {
        const line = bundleEventLine(event);
        digest.add(event, line);
        await write(events, line);
      },
    });
    events.end();
    await once(events, 'finish');
    if (report.checkedEvents === 0) {
      out.log(`No events of network ${networkId}: nothing exported`);
      return 1;
    }
    const bundle = createWriteStream(partialFile);
    await write(bundle, digest.header(report.networkId!, new Date().toISOString(), key));
    await pipeline(createReadStream(eventsFile), bundle);
    renameSync(partialFile, target);
    out.log(`exported ${report.checkedEvents} events in ${report.checkedStreams} streams of network ${report.networkId} to ${target}`);
    out.log(`signed with key ${publicKeyFingerprint(key)}`);
    if (!report.ok) {
      out.log(`FEHLER / FAILED – the store's chain is broken, exported as it is: ${describeBrokenLink(report.firstBrokenLink!).en}`);
      return 1;
    }
    return 0;
  } finally {
    events.destroy();
    rmSync(eventsFile, { force: true });
    rmSync(partialFile, { force: true });
  }
}

/** `audit:check <file> [--fingerprint <hex>]`: offline, without the database. 0 when the bundle holds, 1 when not. */
export async function auditCheck(file: string, expectedFingerprint: string | undefined, out: CliOutput): Promise<number> {
  const checker = new BundleChecker(expectedFingerprint);
  const input = createReadStream(resolve(file), { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) if (!checker.add(line)) break;
  } catch (error) {
    out.log(`FEHLER / FAILED – cannot read ${file}: ${(error as Error).message}`);
    return 1;
  } finally {
    lines.close();
    input.destroy();
  }
  const result = checker.finish();
  if (result.ok) {
    const manifest = result.manifest!;
    out.log(
      `OK – Bündel unversehrt / bundle intact: ${result.checkedEvents} events in ${Object.keys(manifest.streams).length} streams of network ${manifest.networkId}, exported ${manifest.exportedAt}`,
    );
    out.log(`signed with key ${manifest.keyFingerprint}${expectedFingerprint ? ' (the expected one)' : ': compare it with `audit:key` of the exporting installation'}`);
    return 0;
  }
  const problem = result.problem!;
  out.log(`FEHLER / FAILED – ${problem.code}${problem.line === null ? '' : ` (line ${problem.line})`}`);
  out.log(`  ${problem.de}`);
  out.log(`  ${problem.en}`);
  return 1;
}

/** `audit:key`: the public half of the signing key and its fingerprint, for an auditor to compare. */
export function auditKey(key: KeyObject, file: string, out: CliOutput): number {
  out.log(publicKeyPem(key).trimEnd());
  out.log(`fingerprint (SHA-256 of the SPKI DER): ${publicKeyFingerprint(key)}`);
  out.log(`private key: ${file}`);
  return 0;
}

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

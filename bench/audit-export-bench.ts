import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { randomBytes, randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { EVENT_STORE, NewEvent, PostgresEventStore } from '@kreislauf/event-store';
import { Projection, ProjectionRunner, PROJECTIONS } from '@kreislauf/read-models';
import { issueEmbeddedToken, loadConfig } from '@kreislauf/storage';
import { DataSource } from 'typeorm';
import { createApi } from '../apps/api/src/bootstrap';
import { NetworkWrites } from '../apps/api/src/networks/network.writes';
import { CommandContext } from '../apps/api/src/write/command-context';
import { coordinator, networkSetup, steeringGroup } from './goal-data';
import { loadHistory } from './projection-bench';

const EVENTS_PER_GOAL = 1000;
const RSS_SAMPLE_MS = 5;
const MB = 1024 * 1024;

export interface AuditExportResult {
  /** Entries exported: the goal events and the network's own. */
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** Resident set size right before the request, the highest sampled during it, and the difference, in MiB. */
  rssBeforeMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  rssSamples: number;
  loadSeconds: number;
  projectSeconds: number;
}

/**
 * The whole api on the given database, listening on a loopback port, with the projections off. A network
 * registered through the network's writes, then `events` goal events in streams of 1,000 (a definition and
 * reviews) loaded straight into the store, then the audit log's projection caught up. Timed: one
 * `GET /networks/:id/audit?format=csv` over HTTP, read to the end and thrown away, while this process's
 * RSS is sampled every few milliseconds. Client and server share the process, so the growth is an upper
 * bound for the server.
 */
export async function benchAuditExport(url: string, events: number, log: (line: string) => void): Promise<AuditExportResult> {
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: url, PROJECTIONS: 'off', AUTH_SECRET: secret, RATE_LIMIT_PER_MINUTE: '100000' });
  const app = await createApi({ config, databaseUrl: url, runProjections: false });
  await app.listen(0, '127.0.0.1');
  try {
    const networkId = randomUUID();
    const cycleId = randomUUID();
    const context: CommandContext = { actor: coordinator, correlationId: randomUUID(), causationId: null, now: new Date() };
    for (const command of networkSetup(networkId, cycleId, 0)) await app.get(NetworkWrites).execute(command, context);

    const goalStreams = Array.from({ length: Math.ceil(events / EVENTS_PER_GOAL) }, (_, g) => {
      const goalId = randomUUID();
      const count = Math.min(EVENTS_PER_GOAL, events - g * EVENTS_PER_GOAL);
      return { streamId: `goal-${goalId}`, events: Array.from({ length: count }, (_, i) => goalEvent(networkId, cycleId, g, i)) };
    });
    log(`  loading ${events} goal events in ${goalStreams.length} streams`);
    const load = await loadHistory(app.get<PostgresEventStore>(EVENT_STORE), url, { networkStreams: [], goalStreams, goalEvents: events, networkEvents: 0 });

    const projections = app.get<Projection[]>(PROJECTIONS).filter((projection) => projection.name === 'audit-log' || projection.name === 'networks');
    const projectStarted = performance.now();
    await new ProjectionRunner(app.get(DataSource), app.get(EVENT_STORE), projections, { batchSize: config.PROJECTION_BATCH_SIZE }).catchUp();
    const projectSeconds = (performance.now() - projectStarted) / 1000;
    log(`  audit log projected in ${projectSeconds.toFixed(1)} s`);

    const token = await issueEmbeddedToken(new TextEncoder().encode(secret), { userId: 'bench-auditor', roles: ['admin'] });
    const { port } = app.getHttpServer().address() as AddressInfo;
    // The baseline after a full collection: the loading and projecting above leave garbage that is not the export's.
    collectGarbage();
    const rssBefore = process.memoryUsage.rss();
    let rssPeak = rssBefore;
    let rssSamples = 0;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
      rssSamples += 1;
    }, RSS_SAMPLE_MS);
    const started = performance.now();
    const { lines, bytes } = await download(`http://127.0.0.1:${port}/api/v1/networks/${networkId}/audit?format=csv`, token).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - started) / 1000;
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    const rows = lines - 1; // the header
    const expected = events + networkSetup(networkId, cycleId, 0).length;
    if (rows !== expected) throw new Error(`the export held ${rows} entries, expected ${expected}`);
    return {
      rows,
      bytes,
      seconds,
      rowsPerSecond: rows / seconds,
      rssBeforeMb: rssBefore / MB,
      rssPeakMb: rssPeak / MB,
      rssGrowthMb: (rssPeak - rssBefore) / MB,
      rssSamples,
      loadSeconds: load.seconds,
      projectSeconds,
    };
  } finally {
    await app.close();
  }
}

function goalEvent(networkId: string, cycleId: string, g: number, i: number): NewEvent {
  const occurredAt = new Date(Date.UTC(2016, 1, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const [type, data] =
    i === 0
      ? [
          'GoalDefined',
          {
            networkId,
            cycleId,
            level: 'strategic',
            parentGoalId: null,
            title: `Präventionskette schließen ${g + 1}`,
            description: '',
            qualityGoals: ['participation'],
            lifePhase: null,
            district: null,
            reviewIntervalDays: 90,
            definedOn: occurredAt,
            replacesGoalId: null,
            decisionId: null,
            principleKeys: [],
          },
        ]
      : ['GoalReviewed', { reviewedOn: occurredAt, assessment: i % 3 === 0 ? 'at_risk' : 'on_track', evidence: 'Bericht der Steuerungsgruppe', decisionId: null }];
  return { eventId: randomUUID(), type, schemaVersion: 2, data, metadata: { actor: steeringGroup, networkId, correlationId: randomUUID(), causationId: null, occurredAt } };
}

/** Reads the response to its end, counting lines and bytes and keeping nothing. */
function download(url: string, token: string): Promise<{ lines: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`export answered ${response.statusCode}`));
        response.resume();
        return;
      }
      let lines = 0;
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
      });
      response.on('end', () => resolve({ lines, bytes }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** A full garbage collection, without starting node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

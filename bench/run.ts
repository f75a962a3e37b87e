import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@kreislauf/event-store';
import { createProjections } from '@kreislauf/read-models';
import { loadConfig } from '@kreislauf/storage';
import { AppendResult, benchAppends, COMMANDS_PER_GOAL } from './append-bench';
import { AuditExportResult, benchAuditExport } from './audit-export-bench';
import { CpuUse, waitForQuietMachine, watchPostgres } from './cpu';
import { samplePayload } from './goal-data';
import { benchHttp, HttpBenchResult } from './http-bench';
import { benchReports, formatReportBench, ReportBenchResult } from './report-bench';
import { benchTimeTravel, TimeTravelResult } from './time-travel-bench';
import { openServer, rawInsertRate, RawInsertResult, settle } from './postgres';
import { benchCatchUp, benchReadAll, buildHistory, CatchUpResult, loadHistory, LoadResult, openReadModels } from './projection-bench';
import { formatNumber, round } from './stats';

/**
 * npm run bench: appends per second through the writes the controllers call, projection catch-up per second, and beside
 * each the raw single-row INSERT rate of the same PostgreSQL in the same run. Progress goes to stderr,
 * the table and one JSON line (the last line) to stdout.
 *
 *   BENCH_GOALS        goals for the append benchmark (default 1000; five commands each)
 *   BENCH_CLIENTS      concurrent command senders, comma-separated (default 1,8)
 *   BENCH_EVENTS       goal events for the projection catch-up (default 1000000)
 *   BENCH_RAW_SECONDS  duration of each raw INSERT measurement (default 5)
 *   BENCH_APPEND_WITH_PROJECTIONS  0 skips the append rows with the projections running in-process (default 1)
 *   BENCH_AUDIT_EVENTS audit log entries exported as CSV over HTTP, with the RSS growth during the export (default 200000, 0: skip)
 *   BENCH_HTTP_SECONDS duration of each autocannon run of POST /goals/:id/reviews against the built api (default 10, 0: skip)
 *   BENCH_HTTP_CONNECTIONS  comma-separated connection counts (default 8,64)
 *   BENCH_LAG_RATE     commands per second for the projection-lag run (default 200), for BENCH_LAG_SECONDS (default 10)
 *   BENCH_TIME_TRAVEL_EVENTS  events of the goal read with asOf (default 1000, 0: skip), BENCH_TIME_TRAVEL_READS reads of each kind (default 200)
 *   BENCH_REPORTS      0 skips the progress report over five years of one network and its PDF (default 1)
 *   BENCH_QUIET_WAIT   before each timed phase, wait up to this many seconds for the machine to be idle (default 30, 0: never)
 *   DATABASE_URL       use this PostgreSQL (the bench creates and drops its own databases in it) instead of an embedded one
 */

interface Options {
  goals: number;
  clients: number[];
  events: number;
  rawSeconds: number;
  appendWithProjections: boolean;
  quietWaitSeconds: number;
  auditEvents: number;
  httpSeconds: number;
  httpConnections: number[];
  lagRate: number;
  lagSeconds: number;
  timeTravelEvents: number;
  timeTravelReads: number;
  reports: boolean;
}

/** The figures measured after the core append and catch-up rows. */
interface Extras {
  auditExport: AuditExportResult | null;
  http: HttpBenchResult | null;
  timeTravel: TimeTravelResult | null;
  reports: ReportBenchResult | null;
}

function readOptions(env: NodeJS.ProcessEnv): Options {
  const int = (name: string, fallback: number, min = 1) => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = Number(text.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, got "${text}"`);
    return value;
  };
  const clientsText = env.BENCH_CLIENTS?.trim() || '1,8';
  const clients = clientsText.split(',').map((part) => Number(part.trim()));
  if (clients.some((value) => !Number.isInteger(value) || value < 1)) throw new Error(`BENCH_CLIENTS must list positive integers, got "${clientsText}"`);
  const flag = env.BENCH_APPEND_WITH_PROJECTIONS?.trim().toLowerCase();
  return {
    goals: int('BENCH_GOALS', 1000),
    clients,
    events: int('BENCH_EVENTS', 1_000_000),
    rawSeconds: int('BENCH_RAW_SECONDS', 5),
    appendWithProjections: !flag || !['0', 'false', 'no', 'off'].includes(flag),
    quietWaitSeconds: int('BENCH_QUIET_WAIT', 30, 0),
    auditEvents: int('BENCH_AUDIT_EVENTS', 200_000, 0),
    httpSeconds: int('BENCH_HTTP_SECONDS', 10, 0),
    httpConnections: (env.BENCH_HTTP_CONNECTIONS?.trim() || '8,64').split(',').map((part) => Number(part.trim())),
    lagRate: int('BENCH_LAG_RATE', 200),
    lagSeconds: int('BENCH_LAG_SECONDS', 10),
    timeTravelEvents: int('BENCH_TIME_TRAVEL_EVENTS', 1000, 0),
    timeTravelReads: int('BENCH_TIME_TRAVEL_READS', 200),
    reports: int('BENCH_REPORTS', 1, 0) > 0,
  };
}

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface AppendRow {
  append: AppendResult;
  raw: RawInsertResult;
}

interface ProjectionRow {
  load: LoadResult;
  goalEvents: number;
  networkEvents: number;
  goalStreams: number;
  catchUp: CatchUpResult;
  readAll: Awaited<ReturnType<typeof benchReadAll>>;
  raw: RawInsertResult;
}

async function main(): Promise<void> {
  const options = readOptions(process.env);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const startedAt = Date.now();
  const quiet = async () => {
    if (options.quietWaitSeconds === 0) return;
    const started = Date.now();
    const busy = await waitForQuietMachine(options.quietWaitSeconds);
    const waited = (Date.now() - started) / 1000;
    if (waited > 1.5) progress(`  waited ${formatNumber(waited)} s for the machine to quieten (${busy === null ? '?' : formatNumber(busy, 2)} cores busy)`);
  };

  progress(`starting ${process.env.DATABASE_URL ? 'on DATABASE_URL' : 'an embedded PostgreSQL in a temporary folder'}`);
  const server = await openServer(process.env.DATABASE_URL, (line) => progress(line));
  const stopOnSignal = () => {
    progress('interrupted: stopping PostgreSQL and removing its folder');
    void server.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  const appends: AppendRow[] = [];
  let projection: ProjectionRow;
  const extras: Extras = { auditExport: null, http: null, timeTravel: null, reports: null };
  let settings: Record<string, string>;
  try {
    settings = await server.settings();
    watchPostgres(await server.postmasterPid());

    const scenarios = options.clients.map((clients) => ({ clients, projections: false }));
    if (options.appendWithProjections) scenarios.push(...options.clients.map((clients) => ({ clients, projections: true })));
    for (const { clients, projections } of scenarios) {
      const url = await server.createDatabase(`append_${clients}${projections ? '_rm' : ''}`);
      progress(`raw INSERTs, ${clients} client(s), ${options.rawSeconds} s`);
      await quiet();
      const raw = await rawInsertRate(url, clients, options.rawSeconds, samplePayload());
      progress(`  ${formatNumber(raw.rowsPerSecond)} rows/s`);
      await settle(url);
      progress(`writes, ${clients} client(s), ${options.goals} goals × ${COMMANDS_PER_GOAL.length} commands, projections ${projections ? 'in-process' : 'off'}`);
      await quiet();
      const append = await benchAppends(url, clients, options.goals, projections);
      progress(`  ${formatNumber(append.eventsPerSecond)} events/s (${formatNumber(append.seconds, 1)} s)`);
      appends.push({ append, raw });
    }

    const url = await server.createDatabase('projection');
    const store = new PostgresEventStore({ connectionString: url });
    await store.migrate();
    const dataSource = await openReadModels(url);
    try {
      const history = buildHistory(options.events);
      progress(`loading ${formatNumber(history.goalEvents)} goal events in ${formatNumber(history.goalStreams.length)} goal streams, plus ${history.networkEvents} network events`);
      const load = await loadHistory(store, url, history);
      progress(`  loaded in ${formatNumber(load.seconds, 1)} s`);
      progress(`raw INSERTs, 1 client, ${options.rawSeconds} s`);
      await quiet();
      const raw = await rawInsertRate(url, 1, options.rawSeconds, samplePayload());
      progress(`  ${formatNumber(raw.rowsPerSecond)} rows/s`);
      await settle(url);
      progress(`catch-up of ${createProjections().map((p) => p.name).join(', ')} from position 0, batch size ${config.PROJECTION_BATCH_SIZE}`);
      await quiet();
      const catchUp = await benchCatchUp(dataSource, store, load.events, config.PROJECTION_BATCH_SIZE);
      progress(`  ${formatNumber(catchUp.eventsPerSecond)} events/s (${formatNumber(catchUp.seconds, 1)} s)`);
      const expected = { rm_goal_history: history.goalEvents, rm_goals: history.goalStreams.length, rm_networks: history.networkStreams.length };
      for (const [table, count] of Object.entries(expected)) {
        if (catchUp.rows[table] !== count) throw new Error(`after the catch-up ${table} has ${catchUp.rows[table]} rows, expected ${count}`);
      }
      const readAll = await benchReadAll(store, config.PROJECTION_BATCH_SIZE);
      projection = { load, goalEvents: history.goalEvents, networkEvents: history.networkEvents, goalStreams: history.goalStreams.length, catchUp, readAll, raw };
    } finally {
      await dataSource.destroy();
      await store.close();
    }

    if (options.auditEvents > 0) {
      progress(`audit log export of ${formatNumber(options.auditEvents)} goal events as CSV over HTTP`);
      const auditUrl = await server.createDatabase('audit_export');
      await quiet();
      const auditExport = await benchAuditExport(auditUrl, options.auditEvents, progress);
      progress(`  ${formatNumber(auditExport.rowsPerSecond)} rows/s (${formatNumber(auditExport.seconds, 1)} s), RSS +${formatNumber(auditExport.rssGrowthMb, 1)} MiB`);
      extras.auditExport = auditExport;
    }
    if (options.httpSeconds > 0) {
      progress(`HTTP: POST /goals/:id/reviews at ${options.httpConnections.join(', ')} connections, then ${options.lagRate} commands/s for the projection lag`);
      const httpUrl = await server.createDatabase('http');
      await quiet();
      extras.http = await benchHttp(httpUrl, {
        connections: options.httpConnections,
        seconds: options.httpSeconds,
        goals: 640,
        lagRate: options.lagRate,
        lagSeconds: options.lagSeconds,
        log: progress,
      });
    }
    if (options.timeTravelEvents > 0) {
      progress(`time travel: asOf reads of a goal with ${options.timeTravelEvents} events, ${options.timeTravelReads} of each kind`);
      const timeTravelUrl = await server.createDatabase('time_travel');
      await quiet();
      extras.timeTravel = await benchTimeTravel(timeTravelUrl, options.timeTravelEvents, options.timeTravelReads);
      progress(`  asOf over HTTP p50 ${extras.timeTravel.reads.asOfHttp.latencyMs.p50} ms, p95 ${extras.timeTravel.reads.asOfHttp.latencyMs.p95} ms`);
    }
    if (options.reports) {
      progress('reports over one network with five years of history');
      await quiet();
      extras.reports = await benchReports(await server.createDatabase('reports'), { log: (line) => progress(`  ${line}`) });
    }
  } finally {
    progress(server.embedded ? 'stopping PostgreSQL, removing its folder' : 'dropping the bench databases');
    await server.close();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }
  report(options, settings, appends, projection, extras, server.embedded, (Date.now() - startedAt) / 1000);
}

/** Cores used by other processes above which a figure is flagged (loopback networking and kernel I/O threads stay well below). */
const OTHER_LOAD_WARNING = 0.3;

const cores = (value: number | null) => (value === null ? '?' : formatNumber(value, 2));
const cpuCell = (cpu: CpuUse) => `${cores(cpu.nodeCores)} / ${cores(cpu.postgresCores)} / ${cores(cpu.otherCores)}`;
const cpuJson = (cpu: CpuUse) => ({
  nodeCores: round(cpu.nodeCores, 2),
  postgresCores: cpu.postgresCores === null ? null : round(cpu.postgresCores, 2),
  otherCores: cpu.otherCores === null ? null : round(cpu.otherCores, 2),
  machineCores: cpu.machineCores === null ? null : round(cpu.machineCores, 2),
});

function report(
  options: Options,
  settings: Record<string, string>,
  appends: AppendRow[],
  projection: ProjectionRow,
  extras: Extras,
  embedded: boolean,
  totalSeconds: number,
): void {
  const out: string[] = [];
  const cpu = cpus();
  const { catchUp, raw, load, readAll } = projection;
  const { auditExport, http, timeTravel } = extras;
  out.push('');
  out.push(`kreislauf bench — ${cpu.length} CPU(s) ${cpu[0]?.model.trim() ?? ''}, Node ${process.version}`);
  out.push(
    `PostgreSQL ${settings.server_version} (${embedded ? 'embedded, fresh temporary cluster, default settings' : 'DATABASE_URL'}): fsync=${settings.fsync}, ` +
      `synchronous_commit=${settings.synchronous_commit}, wal_sync_method=${settings.wal_sync_method}, shared_buffers=${settings.shared_buffers}`,
  );
  out.push(
    `Appends: the writes of the full API app, fresh database per row; per goal ${COMMANDS_PER_GOAL.join(', ')} (one event each); ` +
      `${options.goals} goals = ${options.goals * COMMANDS_PER_GOAL.length} commands per row, each sender one command at a time.`,
  );
  out.push(
    `Catch-up: ProjectionRunner.catchUp() of all ${catchUp.perProjection.length} projections (${catchUp.perProjection.map((t) => t.name).join(', ')}), from position 0 on one shared read of the log, over ${formatNumber(load.events)} events ` +
      `(${formatNumber(projection.goalEvents)} goal events in ${formatNumber(projection.goalStreams)} streams + ${projection.networkEvents} network events), batch ${catchUp.batchSize}.`,
  );
  out.push(`Raw: single-row INSERT of one jsonb value (~${JSON.stringify(samplePayload()).length} bytes), autocommit, for ${options.rawSeconds} s, right before the figure, same client count.`);
  out.push('');
  const header = ['', 'figure', 'raw INSERT/s', 'figure/raw', 'CPU cores node / pg / other'];
  const rows: string[][] = [];
  for (const { append, raw: rawRow } of appends) {
    rows.push([
      `appends/s, ${append.clients} client${append.clients === 1 ? '' : 's'}${append.projectionsInProcess ? ', projections in-process' : ''}`,
      formatNumber(append.eventsPerSecond),
      `${formatNumber(rawRow.rowsPerSecond)} (${rawRow.clients} cl.)`,
      formatNumber(append.eventsPerSecond / rawRow.rowsPerSecond, 2),
      cpuCell(append.cpu),
    ]);
  }
  rows.push([
    `catch-up events/s, all ${catchUp.perProjection.length} projections`,
    formatNumber(catchUp.eventsPerSecond),
    `${formatNumber(raw.rowsPerSecond)} (1 cl.)`,
    formatNumber(catchUp.eventsPerSecond / raw.rowsPerSecond, 2),
    cpuCell(catchUp.cpu),
  ]);
  for (const timing of catchUp.perProjection) {
    rows.push([
      `  ${timing.name}: ${formatNumber(timing.seconds, 1)} s, of it apply() ${formatNumber(timing.applySeconds, 1)} s`,
      formatNumber(timing.eventsPerSecond),
      '',
      formatNumber(timing.eventsPerSecond / raw.rowsPerSecond, 2),
      '',
    ]);
  }
  out.push(...table(header, rows));
  out.push('');
  out.push('Raw INSERT CPU (node / pg / other): ' + [...appends.map(({ raw: r }) => `${r.clients} cl. ${cpuCell(r.cpu)}`), `catch-up's 1 cl. ${cpuCell(raw.cpu)}`].join(' · '));
  out.push('Latency per command, ms p50 / p95 / p99:');
  for (const { append } of appends) {
    const parts = Object.entries(append.latencyMs).map(([type, l]) => `${type} ${l.p50}/${l.p95}/${l.p99}`);
    out.push(`  ${append.clients} cl.${append.projectionsInProcess ? ' + projections' : ''}: ${parts.join(' · ')}`);
  }
  for (const { append } of appends) {
    if (!append.projectionLag) continue;
    const { eventsBehindAtEnd, secondsToCatchUp } = append.projectionLag;
    out.push(
      `  ${append.clients} cl. + projections: read models ${eventsBehindAtEnd} events behind at the last command, ` +
        `${secondsToCatchUp === null ? 'not caught up within 300 s' : `caught up ${formatNumber(secondsToCatchUp, 2)} s later`}`,
    );
  }
  out.push(
    `Also: loading the history (${formatNumber(load.streams)} stream appends in ${formatNumber(load.transactions)} transactions, appendWithin) ` +
      `ran at ${formatNumber(load.eventsPerSecond)} events/s (CPU ${cpuCell(load.cpu)}); readAll alone, no projection, reads ${formatNumber(readAll.eventsPerSecond)} events/s. ` +
      `Total ${formatNumber(totalSeconds)} s.`,
  );
  if (auditExport) {
    out.push(
      `Audit export: ${formatNumber(auditExport.rows)} entries as CSV over HTTP (${formatNumber(auditExport.bytes / 1024 / 1024, 1)} MiB) in ${formatNumber(auditExport.seconds, 1)} s, ` +
        `${formatNumber(auditExport.rowsPerSecond)} rows/s; RSS ${formatNumber(auditExport.rssBeforeMb)} MiB before, peak +${formatNumber(auditExport.rssGrowthMb, 1)} MiB during it ` +
        `(${auditExport.rssSamples} samples; client and server in one process). Projected by the audit-log projection alone in ${formatNumber(auditExport.projectSeconds, 1)} s.`,
    );
  }
  if (http) {
    out.push('HTTP POST /goals/:id/reviews (autocannon, api in its own process, projections in-process):');
    for (const run of http.runs) {
      out.push(`  ${run.connections} connections: ${formatNumber(run.perSecond)} reviews/s, latency ms p50 ${run.latencyMs.p50} / p90 ${run.latencyMs.p90} / p99 ${run.latencyMs.p99}, ${run.non2xx} non-2xx, ${run.errors} errors`);
    }
    out.push(
      `  projection lag at ${http.lag.commandsPerSecond} commands/s for ${http.lag.seconds} s (POST answered → GET ?after= answered): ` +
        `p50 ${http.lag.lagMs.p50} ms, p99 ${http.lag.lagMs.p99} ms, ${http.lag.failed} failed ${JSON.stringify(http.lag.failures)}`,
    );
    out.push(`  api RSS: peak ${formatNumber(http.apiRss.peakDuringRunsMb, 1)} MiB during the HTTP runs, high-water mark ${http.apiRss.highWaterMarkMb ?? '?'} MiB over its life`);
  }
  if (timeTravel) {
    out.push(`Time travel, a goal of ${timeTravel.goalEvents} events (${timeTravel.responseBytes} bytes of JSON), ms p50 / p95 / p99, CPU ms per read node / pg:`);
    for (const [name, read] of Object.entries(timeTravel.reads)) {
      out.push(`  ${name}: ${read.latencyMs.p50}/${read.latencyMs.p95}/${read.latencyMs.p99} · CPU ${read.cpuMsPerRead.node} / ${read.cpuMsPerRead.postgres ?? '?'}`);
    }
  }
  if (extras.reports) out.push(...formatReportBench(extras.reports));
  const targets = targetsOf(appends, catchUp.eventsPerSecond, extras);
  out.push('');
  out.push('Targets on this machine:');
  out.push(...table(['', 'measured', 'target', 'met'], targets.map((t) => [t.figure, t.measured, t.target, t.met ? 'yes' : `no (${t.by})`])));
  const disturbed = [
    ...appends.flatMap(({ append, raw: r }) => [
      [`appends ${append.clients} cl.${append.projectionsInProcess ? ' + projections' : ''}`, append.cpu],
      [`raw ${r.clients} cl.`, r.cpu],
    ]),
    ['catch-up', catchUp.cpu],
    ['catch-up raw', raw.cpu],
  ].filter(([, use]) => ((use as CpuUse).otherCores ?? 0) > OTHER_LOAD_WARNING) as [string, CpuUse][];
  if (disturbed.length > 0) {
    out.push(
      `WARNING: other processes on this machine were busy during: ${disturbed.map(([name, use]) => `${name} (${cores(use.otherCores)} cores)`).join(', ')}. ` +
        'Those figures understate what this machine can do; run again when it is idle.',
    );
  }
  out.push('');

  const json = {
    bench: 'kreislauf',
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? null, node: process.version },
    postgres: { ...settings, embedded },
    options,
    appends: appends.map(({ append, raw: rawRow }) => ({
      clients: append.clients,
      projectionsInProcess: append.projectionsInProcess,
      goals: append.goals,
      commands: append.commands,
      commandMix: COMMANDS_PER_GOAL,
      seconds: round(append.seconds, 3),
      eventsPerSecond: round(append.eventsPerSecond, 1),
      rawInsertsPerSecond: round(rawRow.rowsPerSecond, 1),
      rawClients: rawRow.clients,
      ratio: round(append.eventsPerSecond / rawRow.rowsPerSecond, 3),
      cpu: cpuJson(append.cpu),
      rawCpu: cpuJson(rawRow.cpu),
      latencyMs: append.latencyMs,
      projectionLag: append.projectionLag,
    })),
    projectionCatchUp: {
      events: catchUp.events,
      goalEvents: projection.goalEvents,
      networkEvents: projection.networkEvents,
      goalStreams: projection.goalStreams,
      batchSize: catchUp.batchSize,
      seconds: round(catchUp.seconds, 3),
      eventsPerSecond: round(catchUp.eventsPerSecond, 1),
      eventsReadAllProjections: catchUp.eventsRead,
      rawInsertsPerSecond: round(raw.rowsPerSecond, 1),
      rawClients: 1,
      ratio: round(catchUp.eventsPerSecond / raw.rowsPerSecond, 3),
      cpu: cpuJson(catchUp.cpu),
      rawCpu: cpuJson(raw.cpu),
      perProjection: catchUp.perProjection.map((timing) => ({
        name: timing.name,
        seconds: round(timing.seconds, 3),
        eventsPerSecond: round(timing.eventsPerSecond, 1),
        applySeconds: round(timing.applySeconds, 3),
        batches: timing.batches,
        ratio: round(timing.eventsPerSecond / raw.rowsPerSecond, 3),
      })),
      rows: catchUp.rows,
      readAllOnlyEventsPerSecond: round(readAll.eventsPerSecond, 1),
      loadEventsPerSecond: round(load.eventsPerSecond, 1),
    },
    auditExport: auditExport && {
      rows: auditExport.rows,
      bytes: auditExport.bytes,
      seconds: round(auditExport.seconds, 3),
      rowsPerSecond: round(auditExport.rowsPerSecond, 1),
      rssBeforeMb: round(auditExport.rssBeforeMb, 1),
      rssPeakMb: round(auditExport.rssPeakMb, 1),
      rssGrowthMb: round(auditExport.rssGrowthMb, 1),
      projectSeconds: round(auditExport.projectSeconds, 3),
    },
    totalSeconds: round(totalSeconds, 1),
    disturbedBy: disturbed.map(([name, use]) => ({ phase: name, otherCores: round(use.otherCores ?? 0, 2) })),
  };
  const full = { ...json, reports: extras.reports, http, timeTravel: timeTravel && { ...timeTravel, reads: Object.fromEntries(Object.entries(timeTravel.reads).map(([name, read]) => [name, { latencyMs: read.latencyMs, cpuMsPerRead: read.cpuMsPerRead, cpu: cpuJson(read.cpu) }])) }, targets };
  const resultsDir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(resultsFile, `${JSON.stringify(full, null, 2)}\n`);
  out.push(`Results written to ${resultsFile}`);
  out.push(JSON.stringify(full));
  process.stdout.write(`${out.join('\n')}\n`);
}

interface Target {
  figure: string;
  measured: string;
  target: string;
  met: boolean;
  /** How far off, when missed. */
  by: string;
}

/** The targets of the benchmark: each as measured in this run, and by how much it was missed. */
function targetsOf(appends: AppendRow[], catchUpPerSecond: number, { auditExport, http, timeTravel, reports }: Extras): Target[] {
  const targets: Target[] = [];
  const atLeast = (figure: string, measured: number, target: number, unit: string, digits = 0) =>
    targets.push({
      figure,
      measured: `${formatNumber(measured, digits)}${unit}`,
      target: `≥ ${formatNumber(target, digits)}${unit}`,
      met: measured >= target,
      by: `${formatNumber((1 - measured / target) * 100)} % short`,
    });
  const atMost = (figure: string, measured: number, target: number, unit: string, digits = 0) =>
    targets.push({
      figure,
      measured: `${formatNumber(measured, digits)}${unit}`,
      target: `< ${formatNumber(target, digits)}${unit}`,
      met: measured < target,
      by: `${formatNumber(measured / target, 1)}× the limit`,
    });
  const eight = appends.find(({ append }) => append.clients === 8 && !append.projectionsInProcess);
  if (eight) atLeast('appends/s with 8 writers ÷ raw INSERTs/s with 8 connections', eight.append.eventsPerSecond / eight.raw.rowsPerSecond, 0.6, '×', 2);
  atLeast('projection rebuild, events/s', catchUpPerSecond, 20_000, '');
  if (http) {
    const top = http.runs.find((run) => run.connections === 64);
    if (top) {
      atLeast('HTTP reviews/s at 64 connections', top.perSecond, 1500, '');
      atMost('HTTP review p99 at 64 connections', top.latencyMs.p99, 50, ' ms');
    }
    const lagFigure = `projection lag p99 at ${http.lag.commandsPerSecond} commands/s`;
    if (http.lag.failed > 0) {
      // A failed command or read has no lag to count: the figure holds only when every one was measured.
      targets.push({ figure: lagFigure, measured: `${formatNumber(http.lag.lagMs.p99)} ms over ${http.lag.lagMs.count} of ${http.lag.commands}`, target: '< 100 ms, all measured', met: false, by: `${http.lag.failed} of ${http.lag.commands} failed` });
    } else atMost(lagFigure, http.lag.lagMs.p99, 100, ' ms');
    atMost('api peak RSS during the HTTP runs', http.apiRss.peakDuringRunsMb, 300, ' MiB');
  }
  if (timeTravel) atMost(`asOf of a goal with ${timeTravel.goalEvents} events, p95 over HTTP`, timeTravel.reads.asOfHttp.latencyMs.p95, 50, ' ms');
  if (reports) {
    atMost(`progress report JSON over ${formatNumber(reports.events)} events, p50`, reports.yearJson.p50Ms, 500, ' ms');
    atMost(`progress report PDF (${reports.yearPdf.pages ?? '?'} pages), p50`, reports.yearPdf.p50Ms, 3000, ' ms');
  }
  if (auditExport) atMost(`RSS growth exporting ${formatNumber(auditExport.rows)} audit rows as CSV`, auditExport.rssGrowthMb, 50, ' MiB', 1);
  return targets;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('   ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('   '), ...rows.map(line)];
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});

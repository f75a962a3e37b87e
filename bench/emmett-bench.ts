import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { CpuUse, measureCpu } from './cpu';
import { samplePayload } from './goal-data';

export interface EmmettResult {
  clients: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  cpu: CpuUse;
}

const EVENTS_PER_STREAM = 5;

/**
 * Emmett's PostgreSQL event store on its own database of the same server: `clients` concurrent writers,
 * each appending one event at a time with the version it expects, five to a stream as the goals get, for
 * `seconds` seconds after a short warm-up. The same payload as the raw INSERTs.
 */
export async function benchEmmettAppends(url: string, clients: number, seconds: number): Promise<EmmettResult> {
  const store = getPostgreSQLEventStore(url);
  const { data } = samplePayload() as { data: Record<string, unknown> };
  const writer = async (until: number) => {
    let appended = 0;
    while (performance.now() < until) {
      const stream = `goal-${randomUUID()}`;
      for (let version = 0; version < EVENTS_PER_STREAM && performance.now() < until; version++) {
        await store.appendToStream(stream, [{ type: 'MeasurementRecorded', data }], {
          expectedStreamVersion: version === 0 ? 'STREAM_DOES_NOT_EXIST' : BigInt(version),
        });
        appended++;
      }
    }
    return appended;
  };
  try {
    const warmUp = performance.now() + 1000;
    await Promise.all(Array.from({ length: clients }, () => writer(warmUp)));
    const cpu = measureCpu();
    const started = performance.now();
    const counts = await Promise.all(Array.from({ length: clients }, () => writer(started + seconds * 1000)));
    const elapsed = (performance.now() - started) / 1000;
    const events = counts.reduce((sum, count) => sum + count, 0);
    return { clients, events, seconds: elapsed, eventsPerSecond: events / elapsed, cpu: cpu() };
  } finally {
    await store.close();
  }
}

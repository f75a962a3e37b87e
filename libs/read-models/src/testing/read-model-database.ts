import { EventStore, StoredEvent } from '@kreislauf/event-store';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { Projection } from '../projection';
import { OFFER_TABLES } from '../offers/offers.read-models';
import { ASSESSMENT_TABLES } from '../assessments/assessments.read-models';
import { AUDIT_TABLES } from '../audit/audit.read-models';
import { readModelDataSourceOptions } from '../read-models';
import { STRUCTURE_TABLES } from '../structure/structure.read-models';

/** The read-model tables with the column that orders them, for comparing whole contents. */
export const READ_MODEL_TABLES = {
  rm_networks: 'id',
  rm_cycles: 'id',
  rm_network_roles: 'network_id, user_id, role',
  rm_goals: 'id',
  rm_goal_history: 'event_id',
  rm_leitbild_versions: 'network_id, version',
  rm_cycle_goals: 'cycle_id, goal_id',
  ...STRUCTURE_TABLES,
  ...OFFER_TABLES,
  ...ASSESSMENT_TABLES,
  ...AUDIT_TABLES,
} as Record<string, string>;

export type ReadModelTable = string;

/** A migrated read-model DataSource on the given database. */
export async function openReadModels(url: string, poolSize = 5): Promise<DataSource> {
  const dataSource = new DataSource(readModelDataSourceOptions(url, poolSize));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

/** Every row of the table, in key order, as plain objects. */
export async function rowsOf(dataSource: DataSource, table: ReadModelTable): Promise<Record<string, unknown>[]> {
  return dataSource.query(`SELECT * FROM ${table} ORDER BY ${READ_MODEL_TABLES[table]}`);
}

/** The contents of every read-model table. */
export async function allRows(dataSource: DataSource): Promise<Record<ReadModelTable, Record<string, unknown>[]>> {
  const entries = await Promise.all(
    (Object.keys(READ_MODEL_TABLES) as ReadModelTable[]).map(async (table) => [table, await rowsOf(dataSource, table)] as const),
  );
  return Object.fromEntries(entries) as Record<ReadModelTable, Record<string, unknown>[]>;
}

export async function countOf(dataSource: DataSource, table: ReadModelTable): Promise<number> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
  return count;
}

/**
 * Waits until readAll returns all `count` events. The store holds back events while any older transaction
 * in the cluster is open, and the specs of other jest workers share the cluster.
 */
export async function untilReadable(store: EventStore, count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const readable = await store.countAfter(null);
    if (readable === count) return;
    if (Date.now() > deadline) throw new Error(`only ${readable} of ${count} events readable after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A fresh migrated read-model database for a projection's spec: created before the spec, its tables
 * emptied before each test, dropped after. `project` applies each batch in a transaction of its own, as
 * the runner does.
 */
export function projectionTestBed(projection: Projection) {
  let database: TestDatabase | undefined;
  let source: DataSource | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    source = await openReadModels(database.url);
  });
  afterAll(async () => {
    await source?.destroy();
    await database?.drop();
  });
  beforeEach(async () => {
    await source!.query(`TRUNCATE ${projection.tables.join(', ')}`);
  });
  return {
    get dataSource(): DataSource {
      return source!;
    },
    async project(...batches: StoredEvent[][]): Promise<void> {
      for (const batch of batches) await source!.transaction((manager) => projection.apply(batch, manager));
    },
  };
}

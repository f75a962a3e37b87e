import { GlobalPosition, PostgresEventStore } from '@kreislauf/event-store';
import { createProjections, LEASE_NAMESPACE, ProjectionRunner, projectionsReached } from '@kreislauf/read-models';
import { allRows, openReadModels, untilReadable } from '@kreislauf/read-models/testing/read-model-database';
import { kreisViersenHistory } from '@kreislauf/read-models/testing/kreis-viersen.history';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../setup/test-database';

export const PROJECTION_NAMES = createProjections().map((projection) => projection.name);

/**
 * What the projectors did, written by triggers inside the projectors' own transactions (so a batch that
 * rolled back left no trace):
 * - fault_batches: one row per committed batch of any projection, with the checkpoint it moved from and
 *   to and the application_name of the connection that applied it;
 * - fault_history_inserts: one row per row the goal-history projection tried to insert, with no unique
 *   key, fired BEFORE the insert, so also for a replayed event that its ON CONFLICT DO NOTHING would hide.
 *   An event applied twice shows up here twice.
 */
const AUDIT_SCHEMA = `
  CREATE TABLE fault_batches (
    seq bigserial PRIMARY KEY,
    projection text NOT NULL,
    from_position text,
    to_position text NOT NULL,
    applied_by text NOT NULL
  );
  CREATE FUNCTION fault_log_batch() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO fault_batches (projection, from_position, to_position, applied_by)
    VALUES (NEW.name,
            CASE WHEN TG_OP = 'UPDATE' THEN OLD.commit_position || '.' || OLD.prepare_position END,
            NEW.commit_position || '.' || NEW.prepare_position,
            current_setting('application_name'));
    RETURN NEW;
  END;
  $$;
  CREATE TRIGGER fault_log_batch AFTER INSERT OR UPDATE ON projection_checkpoints FOR EACH ROW EXECUTE FUNCTION fault_log_batch();

  CREATE TABLE fault_history_inserts (event_id uuid NOT NULL, applied_by text NOT NULL);
  CREATE FUNCTION fault_log_history_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO fault_history_inserts (event_id, applied_by) VALUES (NEW.event_id, current_setting('application_name'));
    RETURN NEW;
  END;
  $$;
  CREATE TRIGGER fault_log_history_insert BEFORE INSERT ON rm_goal_history FOR EACH ROW EXECUTE FUNCTION fault_log_history_insert();
`;

export interface Batch {
  projection: string;
  from: string | null;
  to: string;
  appliedBy: string;
}

/** A database with the event store and the read models migrated and the audit triggers in place, and a client on it. */
export class AuditedDatabase {
  private constructor(
    readonly database: TestDatabase,
    readonly store: PostgresEventStore,
    readonly readModels: DataSource,
    readonly sql: Client,
  ) {}

  static async create(): Promise<AuditedDatabase> {
    const database = await createTestDatabase();
    const store = new PostgresEventStore({ connectionString: database.url });
    await store.migrate();
    const readModels = await openReadModels(database.url, 2);
    const sql = new Client({ connectionString: database.url, application_name: 'fault-test' });
    await sql.connect();
    await sql.query(AUDIT_SCHEMA);
    return new AuditedDatabase(database, store, readModels, sql);
  }

  get url(): string {
    return this.database.url;
  }

  async batches(): Promise<Batch[]> {
    const { rows } = await this.sql.query(`SELECT projection, from_position, to_position, applied_by FROM fault_batches ORDER BY seq`);
    return rows.map((row) => ({ projection: row.projection, from: row.from_position, to: row.to_position, appliedBy: row.applied_by }));
  }

  /** Per goal event: how often the goal-history projection applied it. */
  async historyApplications(): Promise<Map<string, number>> {
    const { rows } = await this.sql.query(`SELECT event_id::text AS id, count(*)::int AS n FROM fault_history_inserts GROUP BY event_id`);
    return new Map(rows.map((row) => [row.id, row.n]));
  }

  async goalEventIds(): Promise<string[]> {
    const { rows } = await this.sql.query(`SELECT event_id::text AS id FROM events WHERE stream_id LIKE 'goal-%'`);
    return rows.map((row) => row.id);
  }

  async eventCount(): Promise<number> {
    const { rows } = await this.sql.query(`SELECT count(*)::int AS n FROM events`);
    return rows[0].n;
  }

  /** Which application_name holds each projection's lease now (absent: nobody). */
  async leaseHolders(): Promise<Record<string, string[]>> {
    const { rows } = await this.sql.query(
      `SELECT p.name, a.application_name
         FROM unnest($2::text[]) AS p(name)
         JOIN pg_locks l ON l.locktype = 'advisory' AND l.classid = $1 AND l.objid = hashtext(p.name)::oid AND l.objsubid = 2 AND l.granted
         JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [LEASE_NAMESPACE, PROJECTION_NAMES],
    );
    const holders: Record<string, string[]> = {};
    for (const row of rows) (holders[row.name] ??= []).push(row.application_name);
    return holders;
  }

  /** Resolves once every projection has applied every readable event. */
  async untilProjected(timeoutMs = 60_000): Promise<void> {
    await untilReadable(this.store, await this.eventCount(), timeoutMs);
    const head = (await this.store.headPosition()) as GlobalPosition;
    const deadline = Date.now() + timeoutMs;
    while (!(await projectionsReached(this.readModels.manager, PROJECTION_NAMES, head))) {
      if (Date.now() > deadline) throw new Error(`the projections did not reach the head within ${timeoutMs} ms; lag ${JSON.stringify(await this.lag())}`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }

  async lag(): Promise<Record<string, number>> {
    const lag: Record<string, number> = {};
    for (const name of PROJECTION_NAMES) {
      const { rows } = await this.sql.query(`SELECT commit_position::text AS c, prepare_position::text AS p FROM projection_checkpoints WHERE name = $1`, [name]);
      lag[name] = await this.store.countAfter(rows[0] ? { commit: BigInt(rows[0].c), prepare: BigInt(rows[0].p) } : null);
    }
    return lag;
  }

  async close(): Promise<void> {
    await this.sql.end();
    await this.readModels.destroy();
    await this.store.close();
    await this.database.drop();
  }
}

/** Every read-model table, as a runner in a fresh database computes it from position 0 of the given store. */
export async function rebuiltFromZero(store: PostgresEventStore): Promise<Awaited<ReturnType<typeof allRows>>> {
  const database = await createTestDatabase();
  const readModels = await openReadModels(database.url, 2);
  try {
    await new ProjectionRunner(readModels, store, createProjections(), { batchSize: 10_000 }).catchUp();
    return await allRows(readModels);
  } finally {
    await readModels.destroy();
    await database.drop();
  }
}

/**
 * Per projection, the committed batches form one chain from nothing to the last checkpoint: each starts
 * where the one before ended and moves forward. Returns the problems found (none: an empty list).
 */
export function brokenChains(batches: Batch[]): string[] {
  const problems: string[] = [];
  for (const name of PROJECTION_NAMES) {
    const own = batches.filter((batch) => batch.projection === name);
    own.forEach((batch, index) => {
      const expectedFrom = index === 0 ? null : own[index - 1].to;
      if (batch.from !== expectedFrom) problems.push(`${name} batch ${index} starts at ${batch.from}, not at ${expectedFrom}`);
      if (batch.from !== null && !isAfter(batch.to, batch.from)) problems.push(`${name} batch ${index} does not move forward: ${batch.from} → ${batch.to}`);
    });
  }
  return problems;
}

function isAfter(a: string, b: string): boolean {
  const [ac, ap] = a.split('.').map(BigInt);
  const [bc, bp] = b.split('.').map(BigInt);
  return ac > bc || (ac === bc && ap > bp);
}

/**
 * Writes `histories` copies of the Kreis Viersen year (about forty events each, every one decided by the
 * real deciders), `concurrency` at a time. Returns how many events it appended.
 */
export async function writeHistories(store: PostgresEventStore, histories: number, concurrency: number): Promise<number> {
  let next = 0;
  let events = 0;
  const writer = async () => {
    while (next < histories) {
      next += 1;
      const { history } = kreisViersenHistory();
      await history.appendTo(store);
      events += history.eventCount;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, writer));
  return events;
}

/** Polls until the condition holds; fails after timeoutMs. */
export async function until(condition: () => Promise<boolean>, timeoutMs: number, pollMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((wait) => setTimeout(wait, pollMs));
  }
}

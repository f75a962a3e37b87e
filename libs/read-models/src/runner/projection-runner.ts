import { upcast } from '@kreislauf/domain';
import { comparePositions, EventStore, formatPosition, GlobalPosition, StoredEvent } from '@kreislauf/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { ProjectionCheckpoint } from './projection-checkpoint.entity';
import { ProjectionLeases } from './projection-leases';

export { LEASE_NAMESPACE, ProjectionLeases } from './projection-leases';
export type { ProjectionLeasesOptions } from './projection-leases';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** How often to look for events when no notification came (xid gating can delay readability). */
  idlePollMs?: number;
  /** Called after a batch is applied and before it commits (in a rebuild: after each batch of its one transaction); a failure here rolls the batch back. */
  beforeCommit?: (projection: string, events: StoredEvent[], manager: EntityManager) => Promise<void>;
  onError?: (projection: string, error: unknown) => void;
  /** Told of an event the projection could not apply and went past (it is recorded in projection_poisoned_events). */
  onPoisoned?: (projection: string, event: StoredEvent, error: unknown) => void;
  /**
   * With leases, start() runs only the projections this process holds a lease on, and tries for the
   * others every leaseRetryMs; without, it runs them all (batches are still applied one at a time).
   */
  leases?: ProjectionLeases;
  leaseRetryMs?: number;
  /** Told the projections this process has just taken over. */
  onLeased?: (projections: string[]) => void;
}

const LOCK_NAMESPACE = 7_311; // first key of the two-int advisory lock: "projections"

/**
 * Reads the store after each projection's checkpoint and applies every batch together with the new
 * checkpoint in one transaction, so a crash replays at most the uncommitted batch. A transaction-scoped
 * advisory lock per projection lets several processes run the runner: one applies a batch, the others skip;
 * the checkpoint is read after that lock, so no batch is applied twice. With leases, each projection
 * runs in one process at a time, and another takes it over when that process's connection ends.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private readonly leaseRetryMs: number;
  private nextLeaseTry = 0;
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.idlePollMs = options.idlePollMs ?? 1000;
    this.leaseRetryMs = options.leaseRetryMs ?? 1000;
  }

  /** Applies one batch of the projection; returns how many events it read (0 when caught up or locked elsewhere). */
  async runBatch(projection: Projection): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked', [LOCK_NAMESPACE, projection.name]);
      if (!locked) return 0;
      return this.applyNextBatch(projection, manager);
    });
  }

  /** Runs batches until every projection has read all readable events. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (const projection of this.projections) total += await this.catchUpOne(projection);
    return total;
  }

  private async catchUpOne(projection: Projection): Promise<number> {
    let total = 0;
    for (let read = await this.runBatch(projection); read > 0; read = await this.runBatch(projection)) total += read;
    return total;
  }

  /**
   * Recomputes a projection from position 0 in one transaction: readers see the old rows until the new
   * ones commit, so there is no gap for them.
   */
  async rebuild(name: string): Promise<number> {
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (!projection) throw new Error(`Unknown projection ${name}; known: ${this.projections.map((p) => p.name).join(', ')}`);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, projection.name]);
      for (const table of projection.tables) await manager.query(`DELETE FROM ${table}`);
      await manager.delete(ProjectionCheckpoint, { name: projection.name });
      // Events that still cannot be applied are recorded again by this rebuild.
      await manager.query('DELETE FROM projection_poisoned_events WHERE projection = $1', [projection.name]);
      let total = 0;
      for (let read = await this.applyNextBatch(projection, manager); read > 0; read = await this.applyNextBatch(projection, manager)) total += read;
      return total;
    });
  }

  /** Runs the projections until stop(): after every notification of new events, and every idlePollMs. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.store.onAppended(() => this.wake?.());
    this.loop = this.runLoop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
    this.loop = null;
    await this.options.leases?.close();
  }

  /** The projections this process runs: those it holds a lease on (tried again every leaseRetryMs), or all without leases. */
  private async ownProjections(): Promise<readonly Projection[]> {
    const leases = this.options.leases;
    if (!leases) return this.projections;
    const before = new Set(leases.names);
    if (before.size < this.projections.length && Date.now() >= this.nextLeaseTry) {
      this.nextLeaseTry = Date.now() + this.leaseRetryMs;
      for (const projection of this.projections) if (this.running) await leases.acquire(projection.name);
    }
    const held = new Set(leases.names);
    const taken = [...held].filter((name) => !before.has(name));
    if (taken.length > 0) this.options.onLeased?.(taken);
    return this.projections.filter((projection) => held.has(projection.name));
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      // A failing projection must not hold the others back; it is retried on the next round.
      for (const projection of await this.ownProjections()) {
        if (!this.running) break;
        try {
          await this.catchUpOne(projection);
        } catch (error) {
          this.options.onError?.(projection.name, error);
        }
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.idlePollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async applyNextBatch(projection: Projection, manager: EntityManager): Promise<number> {
    const after = await readCheckpoint(manager, projection.name);
    const events = (await this.store.readAll({ after, limit: this.batchSize })).map(upcast);
    if (events.length === 0) return 0;
    await this.applyOrIsolate(projection, events, manager);
    await writeCheckpoint(manager, projection.name, events[events.length - 1].position);
    await this.options.beforeCommit?.(projection.name, events, manager);
    return events.length;
  }

  /**
   * Applies the batch; when it fails for a reason other than the database, applies its events one by one and
   * records each one that fails as poisoned, so that one event the projection cannot apply never stops it
   * for good. A database that is away or busy fails the batch, to be tried again.
   */
  private async applyOrIsolate(projection: Projection, events: StoredEvent[], manager: EntityManager): Promise<void> {
    const failure = await attempt(manager, () => projection.apply(events, manager));
    if (failure === null) return;
    if (isDatabaseTrouble(failure.error)) throw failure.error;
    for (const event of events) {
      const failed = events.length === 1 ? failure : await attempt(manager, () => projection.apply([event], manager));
      if (failed === null) continue;
      if (isDatabaseTrouble(failed.error)) throw failed.error;
      await recordPoisoned(manager, projection.name, event, failed.error);
      this.options.onPoisoned?.(projection.name, event, failed.error);
    }
  }
}

/** Runs the work under a savepoint: on failure, rolls back just its writes and returns the error. */
async function attempt(manager: EntityManager, work: () => Promise<void>): Promise<{ error: unknown } | null> {
  await manager.query('SAVEPOINT projection_apply');
  try {
    await work();
    await manager.query('RELEASE SAVEPOINT projection_apply');
    return null;
  } catch (error) {
    // Fails, and so fails the batch, when the connection itself is gone.
    await manager.query('ROLLBACK TO SAVEPOINT projection_apply');
    return { error };
  }
}

/** SQLSTATE classes of a database that is away, shutting down, out of resources, or in a conflict worth retrying. */
const DATABASE_TROUBLE_SQLSTATE = /^(08|40|53|57|58|55P03|XX)/;
const CONNECTION_CODES = /^(ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)/;
const CONNECTION_LOST = /Connection terminated|not queryable|timeout exceeded when trying to connect/i;

function isDatabaseTrouble(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const candidate = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (DATABASE_TROUBLE_SQLSTATE.test(code) || CONNECTION_CODES.test(code)) return true;
  if (typeof candidate.message === 'string' && CONNECTION_LOST.test(candidate.message)) return true;
  return [candidate.driverError, candidate.cause].some((inner) => isDatabaseTrouble(inner, depth + 1));
}

const MAX_ERROR_LENGTH = 1000;

async function recordPoisoned(manager: EntityManager, projection: string, event: StoredEvent, error: unknown): Promise<void> {
  const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, MAX_ERROR_LENGTH);
  await manager.query(
    `INSERT INTO projection_poisoned_events (projection, position_commit, position_prepare, event_id, stream_id, event_type, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (projection, position_commit, position_prepare) DO UPDATE SET error = EXCLUDED.error, recorded_at = now()`,
    [projection, event.position.commit.toString(), event.position.prepare.toString(), event.eventId, event.streamId, event.type, message],
  );
}

export interface PoisonedEvent {
  projection: string;
  /** The event's global position, as `?after=` takes it. */
  position: string;
  eventId: string;
  streamId: string;
  type: string;
  error: string;
  recordedAt: string;
}

/** The events projections went past because they could not apply them, newest first. */
export async function poisonedEvents(manager: EntityManager, limit = 100): Promise<PoisonedEvent[]> {
  const rows: { projection: string; commit: string; prepare: string; event_id: string; stream_id: string; event_type: string; error: string; recorded_at: Date }[] =
    await manager.query(
      `SELECT projection, position_commit::text AS commit, position_prepare::text AS prepare, event_id, stream_id, event_type, error, recorded_at
         FROM projection_poisoned_events ORDER BY recorded_at DESC, projection LIMIT $1`,
      [limit],
    );
  return rows.map((row) => ({
    projection: row.projection,
    position: formatPosition({ commit: BigInt(row.commit), prepare: BigInt(row.prepare) }),
    eventId: row.event_id,
    streamId: row.stream_id,
    type: row.event_type,
    error: row.error,
    recordedAt: row.recorded_at.toISOString(),
  }));
}

export async function readCheckpoint(manager: EntityManager, name: string): Promise<GlobalPosition | null> {
  const row = await manager.findOneBy(ProjectionCheckpoint, { name });
  if (!row || row.commitPosition === null || row.preparePosition === null) return null;
  return { commit: BigInt(row.commitPosition), prepare: BigInt(row.preparePosition) };
}

async function writeCheckpoint(manager: EntityManager, name: string, position: GlobalPosition): Promise<void> {
  await manager.upsert(
    ProjectionCheckpoint,
    { name, commitPosition: position.commit.toString(), preparePosition: position.prepare.toString(), updatedAt: new Date() },
    ['name'],
  );
}

/** Whether every named projection has applied the event at this position. */
export async function projectionsReached(manager: EntityManager, names: readonly string[], position: GlobalPosition): Promise<boolean> {
  for (const name of names) {
    const checkpoint = await readCheckpoint(manager, name);
    if (!checkpoint || comparePositions(checkpoint, position) < 0) return false;
  }
  return true;
}

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
 * Reads the store after the projections' checkpoints and applies every batch together with the new
 * checkpoint in one transaction per projection, so a crash replays at most the uncommitted batch and one
 * failing projection rolls back nobody else's. A batch is read once for all projections at the same
 * checkpoint (the next one is read while it is applied); those behind catch up on their own batches until
 * they reach the others. A transaction-scoped
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

  /** Runs batches until every projection has read all readable events; returns the events applied, summed over the projections. */
  async catchUp(): Promise<number> {
    return this.catchUpTogether(
      this.projections,
      () => true,
      (_projection, error) => {
        throw error;
      },
    );
  }

  /**
   * Catches the projections up on shared reads: each round reads one batch after the lowest checkpoint and
   * hands it to the projections there, cut where the next projection ahead stands so that they join it.
   * A projection locked by another process, or failing (told to onFailure), sits out the rest of the call.
   */
  private async catchUpTogether(projections: readonly Projection[], goOn: () => boolean, onFailure: (projection: Projection, error: unknown) => void): Promise<number> {
    let active = [...projections];
    let total = 0;
    let prefetched: { after: GlobalPosition | null; events: Promise<StoredEvent[]> } | null = null;
    while (active.length > 0 && goOn()) {
      const checkpoints = await readCheckpoints(this.dataSource.manager, active.map((projection) => projection.name));
      const positions = active.map((projection) => checkpoints.get(projection.name) ?? null);
      const lowest = positions.reduce((low, position) => (comparePositionsOrNull(position, low) < 0 ? position : low));
      const ahead = positions.filter((position): position is GlobalPosition => comparePositionsOrNull(position, lowest) > 0).sort(comparePositions).at(0);
      const behind = active.filter((_projection, index) => comparePositionsOrNull(positions[index], lowest) === 0);
      const reused: StoredEvent[] = prefetched !== null && comparePositionsOrNull(prefetched.after, lowest) === 0 ? await prefetched.events : [];
      prefetched = null;
      const read: StoredEvent[] = reused.length > 0 ? reused : await this.read(lowest);
      if (read.length === 0) break;
      const cut = ahead === undefined ? read : read.filter((event) => comparePositions(event.position, ahead) <= 0);
      const events = cut.length > 0 ? cut : read;
      const end = events[events.length - 1].position;
      const next: { after: GlobalPosition; events: Promise<StoredEvent[]> } = { after: end, events: this.read(end) };
      next.events.catch(() => undefined); // a failed read ahead is read again, and fails there
      prefetched = next;
      const outcomes = await Promise.allSettled(behind.map((projection) => this.applyShared(projection, lowest, events)));
      const leaving = new Set<Projection>();
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'fulfilled' && outcome.value !== null) total += outcome.value;
        else leaving.add(behind[index]);
      });
      active = active.filter((projection) => !leaving.has(projection));
      const failures = outcomes.flatMap((outcome, index) => (outcome.status === 'rejected' ? [{ projection: behind[index], error: outcome.reason }] : []));
      for (const { projection, error } of failures) onFailure(projection, error);
    }
    return total;
  }

  private async read(after: GlobalPosition | null): Promise<StoredEvent[]> {
    return (await this.store.readAll({ after, limit: this.batchSize })).map(upcast);
  }

  /**
   * Applies the part of the shared batch after the projection's checkpoint, read again under its lock;
   * null when another process holds the lock. A checkpoint that moved before the batch (a rebuild) applies
   * nothing; the next round reads from where it is.
   */
  private async applyShared(projection: Projection, after: GlobalPosition | null, events: StoredEvent[]): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked', [LOCK_NAMESPACE, projection.name]);
      if (!locked) return null;
      const checkpoint = await readCheckpoint(manager, projection.name);
      if (comparePositionsOrNull(checkpoint, after) < 0) return 0;
      const unapplied = checkpoint === null ? events : events.filter((event) => comparePositions(event.position, checkpoint) > 0);
      if (unapplied.length === 0) return 0;
      await this.applyBatch(projection, unapplied, manager);
      return unapplied.length;
    });
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
      try {
        const own = await this.ownProjections();
        await this.catchUpTogether(own, () => this.running, (projection, error) => this.options.onError?.(projection.name, error));
      } catch (error) {
        this.options.onError?.('*', error);
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
    const events = await this.read(after);
    if (events.length === 0) return 0;
    await this.applyBatch(projection, events, manager);
    return events.length;
  }

  private async applyBatch(projection: Projection, events: StoredEvent[], manager: EntityManager): Promise<void> {
    await this.applyOrIsolate(projection, events, manager);
    await writeCheckpoint(manager, projection.name, events[events.length - 1].position);
    await this.options.beforeCommit?.(projection.name, events, manager);
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
  return (await readCheckpoints(manager, [name])).get(name) ?? null;
}

/** The checkpoints of the named projections; one that has applied nothing yet is missing. */
async function readCheckpoints(manager: EntityManager, names: readonly string[]): Promise<Map<string, GlobalPosition>> {
  const rows: { name: string; commit: string | null; prepare: string | null }[] = await manager.query(
    'SELECT name, commit_position::text AS commit, prepare_position::text AS prepare FROM projection_checkpoints WHERE name = ANY($1)',
    [names],
  );
  const checkpoints = new Map<string, GlobalPosition>();
  for (const row of rows) if (row.commit !== null && row.prepare !== null) checkpoints.set(row.name, { commit: BigInt(row.commit), prepare: BigInt(row.prepare) });
  return checkpoints;
}

async function writeCheckpoint(manager: EntityManager, name: string, position: GlobalPosition): Promise<void> {
  await manager.query(
    `INSERT INTO projection_checkpoints (name, commit_position, prepare_position, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (name) DO UPDATE SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = EXCLUDED.updated_at`,
    [name, position.commit.toString(), position.prepare.toString()],
  );
}

/** Orders positions with null (before the first event) lowest. */
function comparePositionsOrNull(a: GlobalPosition | null, b: GlobalPosition | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return comparePositions(a, b);
}

/** Whether every named projection has applied the event at this position. */
export async function projectionsReached(manager: EntityManager, names: readonly string[], position: GlobalPosition): Promise<boolean> {
  for (const name of names) {
    const checkpoint = await readCheckpoint(manager, name);
    if (!checkpoint || comparePositions(checkpoint, position) < 0) return false;
  }
  return true;
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { upcast } from '@kreislauf/domain';
import { comparePositions, StoredEvent } from '@kreislauf/event-store';
import { Projection, PROJECTIONS } from '@kreislauf/read-models';
import { DataSource, EntityManager } from 'typeorm';

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/** What a query reads of the read models: the past is made of these tables only. */
export interface ReadModelUse {
  tables: readonly string[];
  /**
   * For a table whose projection makes one row per event from that event alone (the goal history), the
   * event types of the rows the query reads: its projection is handed only those events, and the query
   * sees the same rows as with all of them, made faster.
   */
  rowsOf?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The read models as they stood at a moment of record time, for one read. Inside one transaction the
 * tables the read needs are shadowed by empty temporary tables of the same shape (PostgreSQL looks in the
 * session's temporary schema first), the transaction turns read-only (so nothing but those temporary
 * tables can be written), the very projections the runner uses apply the events recorded up to the moment,
 * and the read's own query runs on the transaction's manager. The transaction is always rolled back.
 */
@Injectable()
export class PastReadModels {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  /** What `read` answers over the rows made by the events (of any record time) recorded up to `asOf`. */
  async at<T>(asOf: Date, use: ReadModelUse, events: StoredEvent[], read: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.replay(use, events, async (past) => {
      await past.advanceTo(asOf);
      return read(past.manager);
    });
  }

  /** Runs `work` over shadowed tables that it moves forward in record time with advanceTo. */
  async replay<T>(use: ReadModelUse, events: StoredEvent[], work: (past: PastState) => Promise<T>): Promise<T> {
    const projections = this.projectionsFor(use);
    const shadowed = [...new Set(projections.flatMap(({ projection }) => projection.tables))];
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // A projection writes every table it owns, so all of them are shadowed, not only those the read needs.
      const statements = shadowed.map((table) => `CREATE TEMPORARY TABLE "${table}" (LIKE "${table}" INCLUDING ALL) ON COMMIT DROP`);
      await runner.query([...statements, 'SET TRANSACTION READ ONLY'].join(';\n'));
      return await work(new PastState(runner.manager, projections, events));
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  private projectionsFor({ tables, rowsOf = {} }: ReadModelUse): ChosenProjection[] {
    const chosen = this.projections.filter((projection) => projection.tables.some((table) => tables.includes(table)));
    const owned = new Set(chosen.flatMap((projection) => projection.tables));
    const unknown = tables.filter((table) => !owned.has(table));
    if (unknown.length > 0) throw new Error(`No projection writes ${unknown.join(', ')}`);
    const badName = [...owned].find((table) => !TABLE_NAME.test(table));
    if (badName) throw new Error(`Cannot shadow the table ${badName}`);
    return chosen.map((projection) => {
      const restricted = projection.tables.filter((table) => rowsOf[table]);
      if (restricted.length === 0) return { projection, eventTypes: null };
      if (projection.tables.length > 1) throw new Error(`${projection.name} writes more tables than ${restricted.join(', ')}: its events cannot be narrowed`);
      return { projection, eventTypes: new Set(rowsOf[restricted[0]]) };
    });
  }
}

interface ChosenProjection {
  projection: Projection;
  /** null: every event. */
  eventTypes: ReadonlySet<string> | null;
}

/** The shadowed read models of one replay, moved forward in record time. */
export class PastState {
  private pending: { event: StoredEvent; recordedAt: number }[];
  private reached = Number.NEGATIVE_INFINITY;

  constructor(
    readonly manager: EntityManager,
    private readonly projections: ChosenProjection[],
    events: StoredEvent[],
  ) {
    this.pending = events
      .map((event) => ({ event: upcast(event), recordedAt: Date.parse(event.recordedAt) }))
      .sort((a, b) => comparePositions(a.event.position, b.event.position));
  }

  /** Applies, in the store's global order, every event recorded up to `moment` that is not applied yet. */
  async advanceTo(moment: Date): Promise<void> {
    const until = moment.getTime();
    if (until < this.reached) throw new Error('A replay moves forward in time only');
    this.reached = until;
    const batch = this.pending.filter((entry) => entry.recordedAt <= until).map((entry) => entry.event);
    this.pending = this.pending.filter((entry) => entry.recordedAt > until);
    if (batch.length === 0) return;
    for (const { projection, eventTypes } of this.projections) {
      const handed = eventTypes ? batch.filter((event) => eventTypes.has(event.type)) : batch;
      if (handed.length > 0) await projection.apply(handed, this.manager);
    }
  }
}

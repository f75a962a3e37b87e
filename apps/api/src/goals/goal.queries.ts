import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { GoalEvent, GoalNotFound } from '@kreislauf/domain';
import { GoalHistoryRow, GoalRow, ReorientationView, ReviewView } from '@kreislauf/read-models';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { DecisionViews } from '../decisions/decision-views';
import { PastEvents } from '../past/past-events';
import { PastGoal } from '../past/past-goal';
import { decisionIdOf, goalEventOf, goalHistoryEntries, GoalHistoryPage } from './goal-history';

/**
 * When a review or reorientation happened (business time) and when it was recorded. Null only for a moment,
 * while the history read model has not yet caught up with the goals read model.
 */
export interface DatedAct {
  occurredAt: string | null;
  recordedAt: string | null;
}

export interface GoalView extends Omit<GoalRow, 'reviews' | 'reorientations'> {
  reviews: (ReviewView & DatedAct)[];
  reorientations: (ReorientationView & DatedAct)[];
}

/** The events whose history rows date a goal's reviews and reorientations. */
const DATED_ACTS: GoalEvent['type'][] = ['GoalReviewed', 'GoalReoriented'];

/** A goal as it is now, or as the system knew it at `asOf` (record time). */
export class GetGoal extends Query<GoalView> {
  constructor(
    readonly goalId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

/** A page of a goal's history: the entries after the version `after` (all from the first with null), `limit` at most. */
export class GetGoalHistory extends Query<GoalHistoryPage> {
  constructor(
    readonly goalId: string,
    readonly after: number | null,
    readonly limit: number,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetGoal)
export class GetGoalHandler implements IQueryHandler<GetGoal, GoalView> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pastEvents: PastEvents,
  ) {}

  async execute({ goalId, asOf }: GetGoal): Promise<GoalView> {
    if (!asOf) return readGoal(this.dataSource.manager, goalId);
    const events = await this.pastEvents.ofGoal(goalId, { withNetwork: true });
    return pastGoalView(new PastGoal(goalId, events).advanceTo(asOf), goalId);
  }
}

/** The goal's row, each review and reorientation with its business and record time from the goal's history. */
export async function readGoal(manager: EntityManager, goalId: string): Promise<GoalView> {
  const goal = await manager.findOneBy(GoalRow, { id: goalId });
  if (!goal) throw new GoalNotFound(goalId);
  const acts = await manager.find(GoalHistoryRow, {
    select: { eventId: true, occurredAt: true, recordedAt: true },
    where: { goalId, eventType: In(DATED_ACTS) },
  });
  return datedGoal(goal, acts);
}

/** What readGoal answers over the rows of a goal's past. */
export function pastGoalView(past: PastGoal, goalId: string): GoalView {
  const goal = past.row();
  if (!goal) throw new GoalNotFound(goalId);
  return datedGoal(goal, past.historyRows(DATED_ACTS));
}

function datedGoal(goal: GoalRow, acts: Pick<GoalHistoryRow, 'eventId' | 'occurredAt' | 'recordedAt'>[]): GoalView {
  // Each review and reorientation names the event that recorded it: its dates are that event's history row.
  const byEvent = new Map(acts.map((act) => [act.eventId, { occurredAt: act.occurredAt, recordedAt: act.recordedAt.toISOString() } satisfies DatedAct]));
  const dated = <T extends { eventId?: string }>(items: T[]) =>
    items.map((item) => ({ ...item, ...((item.eventId && byEvent.get(item.eventId)) || { occurredAt: null, recordedAt: null }) }));
  return { ...goal, reviews: dated(goal.reviews), reorientations: dated(goal.reorientations) };
}

@QueryHandler(GetGoalHistory)
export class GetGoalHistoryHandler implements IQueryHandler<GetGoalHistory, GoalHistoryPage> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly decisions: DecisionViews,
    private readonly pastEvents: PastEvents,
  ) {}

  async execute({ goalId, after, limit, asOf }: GetGoalHistory): Promise<GoalHistoryPage> {
    const last = (after ?? -1) + limit + 1;
    if (!asOf) {
      const rows = await this.dataSource.manager.find(GoalHistoryRow, { where: { goalId, streamVersion: LessThanOrEqual(last) }, order: { streamVersion: 'ASC' } });
      return this.page(rows, goalId, after, limit);
    }
    const events = await this.pastEvents.ofGoal(goalId, { withNetwork: false });
    const rows = new PastGoal(goalId, events).advanceTo(asOf).historyRows().filter((row) => row.streamVersion <= last);
    return this.page(rows, goalId, after, limit);
  }

  /**
   * The page of `rows`, the goal's rows from its first up to the end of the page (and one more, to know
   * whether there is a next page): each entry says what its event changed against the goal as it was before.
   * Stream versions count from 0 without gaps. Decisions are facts recorded before any act that names them
   * and never change, so they come from today's read model.
   */
  private async page(rows: GoalHistoryRow[], goalId: string, after: number | null, limit: number): Promise<GoalHistoryPage> {
    const from = after ?? -1;
    if (rows.length === 0) throw new GoalNotFound(goalId);
    const page = rows.filter((row) => row.streamVersion > from && row.streamVersion <= from + limit);
    const decisions = await this.decisions.byIds(page.map((row) => decisionIdOf(goalEventOf(row))));
    const items = goalHistoryEntries(rows.filter((row) => row.streamVersion <= from + limit), from, decisions);
    const more = rows.some((row) => row.streamVersion > from + limit);
    return { items, nextCursor: more && items.length > 0 ? encodeHistoryCursor(items[items.length - 1].version) : null };
  }
}

/** The cursor is opaque to clients: the stream version of the last entry they saw. */
export function encodeHistoryCursor(version: number): string {
  return Buffer.from(`v${version}`, 'utf8').toString('base64url');
}

export function decodeHistoryCursor(cursor: string): number | null {
  const match = /^v(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

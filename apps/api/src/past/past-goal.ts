import { CycleOpened, evolveGoalView, GOAL_EVENT_TYPES, GoalEvent, GoalView, upcast } from '@kreislauf/domain';
import { comparePositions, StoredEvent } from '@kreislauf/event-store';
import { GoalHistoryRow, GoalRow } from '@kreislauf/read-models';

const GOAL_EVENTS: ReadonlySet<string> = new Set(GOAL_EVENT_TYPES);

/**
 * One goal's rows of the goals and goal-history read models as they stood at a moment of record time, folded
 * in memory with the domain's `evolveGoalView` as the goals projection folds them: the same rows a replay
 * into temporary tables makes, without a table. Moved forward with advanceTo, like a replay.
 */
export class PastGoal {
  private pending: { event: StoredEvent; recordedAt: number }[];
  private reached = Number.NEGATIVE_INFINITY;
  private view: GoalView | null = null;
  private version = 0;
  private cycles: Pick<GoalRow, 'cycleId' | 'cycleIds'> | null = null;
  private readonly history: GoalHistoryRow[] = [];
  /** The keys rm_goal_history holds unique: a row for an event id or a version already there is skipped. */
  private readonly recordedIds = new Set<string>();
  private readonly recordedVersions = new Set<number>();

  /** `events`: the goal's stream and, for its cycles, its network's, in any order. */
  constructor(
    private readonly goalId: string,
    events: StoredEvent[],
  ) {
    this.pending = events
      .map((event) => ({ event: upcast(event), recordedAt: Date.parse(event.recordedAt) }))
      .sort((a, b) => comparePositions(a.event.position, b.event.position));
  }

  /** Applies, in the store's global order, every event recorded up to `moment` that is not applied yet. */
  advanceTo(moment: Date): this {
    const until = moment.getTime();
    if (until < this.reached) throw new Error('A replay moves forward in time only');
    this.reached = until;
    const batch = this.pending.filter((entry) => entry.recordedAt <= until).map((entry) => entry.event);
    this.pending = this.pending.filter((entry) => entry.recordedAt > until);
    for (const event of batch) this.apply(event);
    return this;
  }

  /** The goal's rm_goals row, as the table answers it; null while the goal is not defined. */
  row(): GoalRow | null {
    if (!this.view || !this.cycles) return null;
    const view = this.view;
    // The row as PostgreSQL gives it back: uuid columns in lower case, jsonb objects with their keys in jsonb's order.
    return Object.assign(new GoalRow(), {
      id: uuid(view.id),
      networkId: uuid(view.networkId),
      cycleId: uuid(this.cycles.cycleId),
      cycleIds: asJsonb(this.cycles.cycleIds),
      principleKeys: asJsonb(view.principleKeys),
      decisionId: uuidOrNull(view.decisionId),
      parentGoalId: uuidOrNull(view.parentGoalId),
      level: view.level,
      title: view.title,
      description: view.description,
      qualityGoals: asJsonb(view.qualityGoals),
      lifePhase: view.lifePhase ?? null,
      district: view.district ?? null,
      reviewIntervalDays: view.reviewIntervalDays,
      status: view.status,
      definedOn: view.definedOn,
      lastReviewOn: view.lastReviewOn ?? null,
      lastAssessment: view.lastAssessment ?? null,
      nextReviewOn: view.nextReviewOn ?? null,
      progressPercent: view.progressPercent ?? null,
      indicators: asJsonb(view.indicators),
      measures: asJsonb(view.measures),
      reviews: asJsonb(view.reviews),
      reorientations: asJsonb(view.reorientations),
      replacesGoalId: uuidOrNull(view.replacesGoalId),
      replacedByGoalId: uuidOrNull(view.replacedByGoalId),
      version: this.version,
    } satisfies { [K in keyof GoalRow]: unknown }) as GoalRow;
  }

  /** The goal's rm_goal_history rows, in stream order: those of `eventTypes` only, when given. */
  historyRows(eventTypes?: readonly string[]): GoalHistoryRow[] {
    const rows = eventTypes ? this.history.filter((row) => eventTypes.includes(row.eventType)) : this.history;
    // The jsonb columns as the table answers them, made only for the rows asked for.
    return rows.map((row) => Object.assign(new GoalHistoryRow(), { ...row, actor: asJsonb(row.actor), data: asJsonb(row.data) }));
  }

  /** What the goals and goal-history projections do with one event. */
  private apply(event: StoredEvent): void {
    if (event.type === 'CycleOpened') {
      const { cycleId, carriedOverGoalIds } = (event as unknown as CycleOpened).data;
      if (!this.cycles || !carriedOverGoalIds.includes(this.goalId)) return;
      this.cycles = { cycleId, cycleIds: this.cycles.cycleIds.includes(cycleId) ? this.cycles.cycleIds : [...this.cycles.cycleIds, cycleId] };
      return;
    }
    if (!GOAL_EVENTS.has(event.type) || event.streamId !== `goal-${this.goalId}`) return;
    this.record(event);
    if (this.view && event.streamVersion <= this.version) return; // applied before
    const goalEvent = event as unknown as GoalEvent;
    const actor = event.metadata.actor.displayName ?? event.metadata.actor.userId;
    const defined = goalEvent.type === 'GoalDefined';
    const view = evolveGoalView(defined ? null : this.view, goalEvent, { goalId: this.goalId, eventId: event.eventId, actor });
    if (!view) return; // a goal stream starts with its definition
    if (defined || !this.cycles) this.cycles = { cycleId: view.cycleId, cycleIds: view.cycleIds };
    this.view = view;
    this.version = event.streamVersion;
  }

  /** The history row of the event, as the table answers it, unless the table would already have one for its id or its version. */
  private record(event: StoredEvent): void {
    if (this.recordedIds.has(uuid(event.eventId)) || this.recordedVersions.has(event.streamVersion)) return;
    const row = Object.assign(new GoalHistoryRow(), {
      eventId: uuid(event.eventId),
      goalId: uuid(this.goalId),
      networkId: uuid(event.metadata.networkId),
      streamVersion: event.streamVersion,
      eventType: event.type,
      occurredAt: event.metadata.occurredAt,
      recordedAt: new Date(event.recordedAt),
      actor: event.metadata.actor,
      reason: event.metadata.reason ?? null,
      correlationId: event.metadata.correlationId,
      schemaVersion: event.schemaVersion,
      data: event.data,
    });
    this.recordedIds.add(row.eventId);
    this.recordedVersions.add(row.streamVersion);
    let at = this.history.length;
    while (at > 0 && this.history[at - 1].streamVersion > row.streamVersion) at--;
    this.history.splice(at, 0, row);
  }
}

function uuid(value: string): string {
  return value.toLowerCase();
}

function uuidOrNull(value: string | null | undefined): string | null {
  return value == null ? null : uuid(value);
}

/**
 * A value as a jsonb column gives it back: an object's keys shortest first, then by their bytes; keys
 * without a value dropped, and in arrays made null, as JSON.stringify does on the way in.
 */
export function asJsonb<T>(value: T): T {
  return jsonb(value) as T;
}

function jsonb(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : jsonb(item)));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  entries.sort(([a], [b]) => byJsonbKeyOrder(a, b));
  return Object.fromEntries(entries.map(([key, item]) => [key, jsonb(item)]));
}

/** Keys of printable ASCII only compare as their bytes do. */
const NOT_PRINTABLE_ASCII = /[^ -~]/;

function byJsonbKeyOrder(a: string, b: string): number {
  if (!NOT_PRINTABLE_ASCII.test(a) && !NOT_PRINTABLE_ASCII.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length - right.length || Buffer.compare(left, right);
}

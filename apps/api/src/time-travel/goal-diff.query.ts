import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CycleOpened, GoalNotFound } from '@kreislauf/domain';
import { comparePositions, EventMetadata, StoredEvent } from '@kreislauf/event-store';
import { GoalView, pastGoalView } from '../goals/goal.queries';
import { FieldChange, fieldChanges } from './field-changes';
import { PastEvents } from '../past/past-events';
import { PastGoal } from '../past/past-goal';

/** An event recorded between the two moments that changed the goal. */
export interface RecordedChange {
  /** The goal's own stream, or its network's (a cycle that carried the goal over). */
  stream: 'goal' | 'network';
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: EventMetadata['actor'];
  reason: string | null;
}

export interface GoalDiff {
  goalId: string;
  /** `version` is null when the goal was not yet recorded at `from`. */
  from: { at: string; version: number | null };
  to: { at: string; version: number };
  /** The goal's fields (as GET /goals/{goalId} shows them) that differ between the two moments; `version` aside. */
  changes: FieldChange[];
  events: RecordedChange[];
}

/** What changed in a goal between two moments of record time. */
export class GetGoalDiff extends Query<GoalDiff> {
  constructor(
    readonly goalId: string,
    readonly from: Date,
    readonly to: Date,
  ) {
    super();
  }
}

@QueryHandler(GetGoalDiff)
export class GetGoalDiffHandler implements IQueryHandler<GetGoalDiff, GoalDiff> {
  constructor(private readonly pastEvents: PastEvents) {}

  async execute({ goalId, from, to }: GetGoalDiff): Promise<GoalDiff> {
    const events = await this.pastEvents.ofGoal(goalId, { withNetwork: true });
    // One fold: the goal at `from`, then the events up to `to` applied on top, as the runner would.
    const past = new PastGoal(goalId, events);
    const before = goalOrNone(() => pastGoalView(past.advanceTo(from), goalId));
    const after = goalOrNone(() => pastGoalView(past.advanceTo(to), goalId));
    if (!after) throw new GoalNotFound(goalId);
    return {
      goalId,
      from: { at: from.toISOString(), version: before?.version ?? null },
      to: { at: to.toISOString(), version: after.version },
      changes: fieldChanges(withoutVersion(before), withoutVersion(after)),
      events: recordedBetween(events, goalId, from, to),
    };
  }
}

function goalOrNone(read: () => GoalView): GoalView | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof GoalNotFound) return null;
    throw error;
  }
}

/** The view as its JSON shows it, without the version (every change moves it). */
function withoutVersion(goal: GoalView | null): Record<string, unknown> {
  if (!goal) return {};
  const { version: _version, ...fields } = JSON.parse(JSON.stringify(goal)) as GoalView;
  return fields as unknown as Record<string, unknown>;
}

function recordedBetween(events: StoredEvent[], goalId: string, from: Date, to: Date): RecordedChange[] {
  const inWindow = (event: StoredEvent) => {
    const recordedAt = Date.parse(event.recordedAt);
    return recordedAt > from.getTime() && recordedAt <= to.getTime();
  };
  const concernsGoal = (event: StoredEvent) =>
    event.streamId === `goal-${goalId}` || (event.type === 'CycleOpened' && (event as unknown as CycleOpened).data.carriedOverGoalIds.includes(goalId));
  return events
    .filter((event) => inWindow(event) && concernsGoal(event))
    .sort((a, b) => comparePositions(a.position, b.position))
    .map((event) => ({
      stream: event.streamId.startsWith('goal-') ? 'goal' : 'network',
      version: event.streamVersion,
      type: event.type,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.metadata.actor,
      reason: event.metadata.reason ?? null,
    }));
}

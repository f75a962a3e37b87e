import { evolveGoalView, GoalEvent, GoalIndicatorView, GoalReorientationView, GoalReviewView, GoalView, upcast } from '@kreislauf/domain';
import { GoalEventRecord } from './report-data';

/** A review as a report places it: the stream version orders reviews of one day. */
export interface ReviewState extends GoalReviewView {
  version: number;
}

/** A reorientation as a report tells it. */
export interface ReorientationState extends GoalReorientationView {
  /** The goal's title when it was reoriented, before an adjustment took effect. */
  titleBefore: string;
  version: number;
}

/** An indicator with its measurements by date; a report works out latest value and progress for its period itself. */
export type IndicatorState = Omit<GoalIndicatorView, 'latestValue' | 'latestMeasuredOn' | 'progressPercent'>;

/**
 * A goal as the domain's one fold, `evolveGoalView`, has it, with what only reports ask: the stream versions
 * of its definition, reviews and reorientations, each reorientation's title before, and the day it ended.
 */
export interface GoalState extends GoalView {
  definedVersion: number;
  /** The day it was retired or replaced. */
  endedOn: string | null;
  reviews: ReviewState[];
  reorientations: ReorientationState[];
}

/**
 * Every goal as it stood at the end of `on` (business time): events dated later are left out, the rest
 * folded in stream order. Goals defined after `on` do not appear.
 */
export function goalStatesOn(events: GoalEventRecord[], on: string): Map<string, GoalState> {
  const ordered = events.filter((event) => event.occurredOn <= on).sort((a, b) => compare(a.goalId, b.goalId) || a.version - b.version);
  const goals = new Map<string, GoalState>();
  for (const record of ordered) {
    const before = goals.get(record.goalId) ?? null;
    const event = upcast(record) as unknown as GoalEvent;
    const view = evolveGoalView(event.type === 'GoalDefined' ? null : before, event, { goalId: record.goalId, actor: record.actor });
    if (!view) continue; // a goal stream starts with its definition
    goals.set(record.goalId, withReportFacts(view, before, event, record.version));
  }
  return goals;
}

function withReportFacts(view: GoalView, before: GoalState | null, event: GoalEvent, version: number): GoalState {
  if (event.type === 'GoalDefined' || !before) {
    return { ...view, definedVersion: version, endedOn: null, reviews: [], reorientations: [] };
  }
  // The fold appends a review or reorientation: the ones before keep their report facts.
  const reviews = view.reviews.map((review, index): ReviewState => before.reviews[index] ?? { ...review, version });
  const reorientations = view.reorientations.map(
    (act, index): ReorientationState => before.reorientations[index] ?? { ...act, titleBefore: before.title, version },
  );
  const ended = event.type === 'GoalReoriented' && (event.data.decision === 'retire' || event.data.decision === 'replace');
  return { ...view, definedVersion: before.definedVersion, endedOn: ended ? event.data.reorientedOn : before.endedOn, reviews, reorientations };
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

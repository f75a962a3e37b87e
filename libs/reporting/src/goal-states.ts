import { GoalEventRecord } from './report-data';

export type GoalLevel = 'strategic' | 'operational';
export type GoalStatusKey = 'active' | 'retired' | 'replaced';

export interface MeasurementState {
  value: number;
  measuredOn: string;
  version: number;
}

export interface IndicatorState {
  key: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: 'increase' | 'decrease';
  dueOn: string;
  impactLevel: string;
  /** By date, then by the order they were recorded. */
  measurements: MeasurementState[];
}

export interface ReviewState {
  reviewedOn: string;
  assessment: string;
  evidence: string;
  decisionId: string | null;
  version: number;
}

export interface ReorientationState {
  reorientedOn: string;
  decision: 'continue' | 'adjust' | 'replace' | 'retire';
  rationale: string;
  changes: Record<string, unknown> | null;
  replacementGoalId: string | null;
  decisionId: string | null;
  /** The goal's title when it was reoriented, before an adjustment took effect. */
  titleBefore: string;
  version: number;
}

export interface GoalState {
  id: string;
  cycleId: string;
  level: GoalLevel;
  parentGoalId: string | null;
  title: string;
  description: string;
  qualityGoals: string[];
  lifePhase: string | null;
  district: string | null;
  definedOn: string;
  definedVersion: number;
  decisionId: string | null;
  replacesGoalId: string | null;
  status: GoalStatusKey;
  /** The day it was retired or replaced. */
  endedOn: string | null;
  replacedByGoalId: string | null;
  indicators: IndicatorState[];
  reviews: ReviewState[];
  reorientations: ReorientationState[];
}

const CONTENT_FIELDS = ['title', 'description', 'qualityGoals', 'lifePhase', 'district'] as const;

/**
 * Every goal as it stood at the end of `on` (business time): events dated later are left out, the rest
 * folded in stream order. Goals defined after `on` do not appear.
 */
export function goalStatesOn(events: GoalEventRecord[], on: string): Map<string, GoalState> {
  const ordered = events.filter((event) => event.occurredOn <= on).sort((a, b) => compare(a.goalId, b.goalId) || a.version - b.version);
  const goals = new Map<string, GoalState>();
  for (const event of ordered) {
    const goal = goals.get(event.goalId);
    if (event.type === 'GoalDefined') {
      goals.set(event.goalId, defined(event));
      continue;
    }
    if (!goal) continue;
    apply(goal, event);
  }
  for (const goal of goals.values()) {
    for (const indicator of goal.indicators) indicator.measurements.sort((a, b) => compare(a.measuredOn, b.measuredOn) || a.version - b.version);
  }
  return goals;
}

function defined(event: GoalEventRecord): GoalState {
  const data = event.data;
  return {
    id: event.goalId,
    cycleId: String(data.cycleId ?? ''),
    level: data.level === 'strategic' ? 'strategic' : 'operational',
    parentGoalId: stringOrNull(data.parentGoalId),
    title: String(data.title ?? ''),
    description: String(data.description ?? ''),
    qualityGoals: Array.isArray(data.qualityGoals) ? data.qualityGoals.map(String) : [],
    lifePhase: stringOrNull(data.lifePhase),
    district: stringOrNull(data.district),
    definedOn: String(data.definedOn ?? event.occurredOn),
    definedVersion: event.version,
    decisionId: stringOrNull(data.decisionId),
    replacesGoalId: stringOrNull(data.replacesGoalId),
    status: 'active',
    endedOn: null,
    replacedByGoalId: null,
    indicators: [],
    reviews: [],
    reorientations: [],
  };
}

function apply(goal: GoalState, event: GoalEventRecord): void {
  const data = event.data;
  switch (event.type) {
    case 'GoalConcretised': {
      const indicators = Array.isArray(data.indicators) ? (data.indicators as Omit<IndicatorState, 'measurements'>[]) : [];
      goal.indicators.push(...indicators.map((indicator) => ({ ...indicator, measurements: [] })));
      return;
    }
    case 'MeasurementRecorded': {
      const indicator = goal.indicators.find((candidate) => candidate.key === data.indicatorKey);
      if (indicator) indicator.measurements.push({ value: Number(data.value), measuredOn: String(data.measuredOn), version: event.version });
      return;
    }
    case 'GoalReviewed':
      goal.reviews.push({
        reviewedOn: String(data.reviewedOn),
        assessment: String(data.assessment),
        evidence: String(data.evidence ?? ''),
        decisionId: stringOrNull(data.decisionId),
        version: event.version,
      });
      return;
    case 'GoalReoriented': {
      const decision = data.decision as ReorientationState['decision'];
      const changes = (data.changes ?? null) as Record<string, unknown> | null;
      goal.reorientations.push({
        reorientedOn: String(data.reorientedOn),
        decision,
        rationale: String(data.rationale ?? ''),
        changes,
        replacementGoalId: stringOrNull(data.replacementGoalId),
        decisionId: stringOrNull(data.decisionId),
        titleBefore: goal.title,
        version: event.version,
      });
      if (changes) {
        for (const field of CONTENT_FIELDS) {
          if (field in changes) Object.assign(goal, { [field]: changes[field] });
        }
      }
      if (decision === 'retire' || decision === 'replace') {
        goal.status = decision === 'retire' ? 'retired' : 'replaced';
        goal.endedOn = String(data.reorientedOn);
        goal.replacedByGoalId = stringOrNull(data.replacementGoalId);
      }
      return;
    }
  }
}

/** The review with the latest date (the later recorded one of a day). */
export function lastReview(goal: GoalState): ReviewState | null {
  let last: ReviewState | null = null;
  for (const review of goal.reviews) if (!last || review.reviewedOn >= last.reviewedOn) last = review;
  return last;
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

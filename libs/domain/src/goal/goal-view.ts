import { addDays, IsoDate } from '../domain-event';
import { GoalContent, GoalLevel, GoalStatus } from './goal.commands';
import { GoalEvent } from './goal.events';

/**
 * What a goal is after its events, as every reader sees it: the goals read model stores it, time travel
 * rebuilds it from the events recorded up to a moment, reports fold it up to a business date. One fold,
 * `evolveGoalView`, so that progress, latest values, status, reviews and reorientations mean the same everywhere.
 */
export interface GoalMeasurementView {
  value: number;
  measuredOn: IsoDate;
  source: string;
}

export interface GoalIndicatorView {
  key: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: 'increase' | 'decrease';
  dueOn: IsoDate;
  impactLevel: string;
  latestValue: number | null;
  latestMeasuredOn: IsoDate | null;
  progressPercent: number;
  /** By date; measurements of one day in the order they were recorded. */
  measurements: GoalMeasurementView[];
}

export interface GoalMeasureView {
  measureId: string;
  title: string;
  responsibleOrganisation: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export interface GoalReviewView {
  /** The event that recorded the review. */
  eventId?: string;
  reviewedOn: IsoDate;
  assessment: string;
  evidence: string;
  reviewedBy: string;
  decisionId: string | null;
}

export interface GoalReorientationView {
  /** The event that recorded the reorientation. */
  eventId?: string;
  reorientedOn: IsoDate;
  decision: string;
  rationale: string;
  changes: Partial<GoalContent> | null;
  replacementGoalId: string | null;
  decidedBy: string;
  decisionId: string | null;
}

export interface GoalView {
  id: string;
  networkId: string;
  cycleId: string;
  cycleIds: string[];
  principleKeys: string[];
  decisionId: string | null;
  parentGoalId: string | null;
  level: GoalLevel;
  title: string;
  description: string;
  qualityGoals: string[];
  lifePhase: string | null;
  district: string | null;
  reviewIntervalDays: number;
  status: GoalStatus;
  definedOn: IsoDate;
  lastReviewOn: IsoDate | null;
  lastAssessment: string | null;
  nextReviewOn: IsoDate | null;
  /** Average of the indicators' progress; null without indicators. */
  progressPercent: number | null;
  indicators: GoalIndicatorView[];
  measures: GoalMeasureView[];
  reviews: GoalReviewView[];
  reorientations: GoalReorientationView[];
  replacesGoalId: string | null;
  replacedByGoalId: string | null;
}

/** Who recorded an event, and which event it was: what the view keeps of an event's metadata. */
export interface GoalEventOrigin {
  goalId: string;
  eventId?: string;
  /** The actor's display name, or their id. */
  actor: string;
}

const CONTENT_FIELDS = ['title', 'description', 'qualityGoals', 'lifePhase', 'district', 'reviewIntervalDays'] as const;

/** The goal after `event`; null before its definition. Pure: `view` is left as it was. */
export function evolveGoalView(view: GoalView | null, event: GoalEvent, origin: GoalEventOrigin): GoalView | null {
  if (event.type === 'GoalDefined') return definedView(origin.goalId, event.data);
  if (!view) return null; // a goal stream starts with its definition
  return derived(applied(view, event, origin));
}

/** Folds a goal's events in stream order. */
export function goalViewOf(events: { event: GoalEvent; origin: GoalEventOrigin }[]): GoalView | null {
  return events.reduce<GoalView | null>((view, { event, origin }) => evolveGoalView(view, event, origin), null);
}

function applied(view: GoalView, event: Exclude<GoalEvent, { type: 'GoalDefined' }>, origin: GoalEventOrigin): GoalView {
  const eventId = origin.eventId === undefined ? {} : { eventId: origin.eventId };
  switch (event.type) {
    case 'GoalConcretised': {
      const added = event.data.indicators.map(
        (indicator): GoalIndicatorView => ({ ...indicator, latestValue: null, latestMeasuredOn: null, progressPercent: 0, measurements: [] }),
      );
      return { ...view, indicators: [...view.indicators, ...added], measures: [...view.measures, ...event.data.measures] };
    }
    case 'MeasurementRecorded': {
      const { indicatorKey, value, measuredOn, source } = event.data;
      const indicators = view.indicators.map((indicator) => {
        if (indicator.key !== indicatorKey) return indicator;
        // After the last measurement of the same day or earlier: a goal's life of measurements stays linear.
        const measurements = [...indicator.measurements];
        let at = measurements.length;
        while (at > 0 && measurements[at - 1].measuredOn > measuredOn) at--;
        measurements.splice(at, 0, { value, measuredOn, source });
        const latest = measurements[measurements.length - 1];
        const next = { ...indicator, measurements, latestValue: latest.value, latestMeasuredOn: latest.measuredOn };
        return { ...next, progressPercent: indicatorProgress(next) };
      });
      return { ...view, indicators };
    }
    case 'GoalReviewed': {
      const { reviewedOn, assessment, evidence, decisionId } = event.data;
      const latest = !view.lastReviewOn || reviewedOn >= view.lastReviewOn;
      return {
        ...view,
        reviews: [...view.reviews, { ...eventId, reviewedOn, assessment, evidence, reviewedBy: origin.actor, decisionId: decisionId ?? null }],
        ...(latest ? { lastReviewOn: reviewedOn, lastAssessment: assessment } : {}),
      };
    }
    case 'GoalReoriented': {
      const { decision, rationale, reorientedOn, changes, replacementGoalId, decisionId } = event.data;
      const next: GoalView = {
        ...view,
        reorientations: [
          ...view.reorientations,
          { ...eventId, reorientedOn, decision, rationale, changes: changes ?? null, replacementGoalId: replacementGoalId ?? null, decidedBy: origin.actor, decisionId: decisionId ?? null },
        ],
      };
      for (const field of CONTENT_FIELDS) {
        if (changes && field in changes) Object.assign(next, { [field]: changes[field] });
      }
      if (decision === 'retire') next.status = 'retired';
      if (decision === 'replace') {
        next.status = 'replaced';
        next.replacedByGoalId = replacementGoalId ?? null;
      }
      return next;
    }
  }
}

function derived(view: GoalView): GoalView {
  return {
    ...view,
    progressPercent: view.indicators.length === 0 ? null : averageProgress(view.indicators.map((indicator) => indicator.progressPercent)),
    nextReviewOn: view.status === 'active' ? addDays(view.lastReviewOn ?? view.definedOn, view.reviewIntervalDays) : null,
  };
}

function definedView(id: string, data: Extract<GoalEvent, { type: 'GoalDefined' }>['data']): GoalView {
  return {
    id,
    networkId: data.networkId,
    cycleId: data.cycleId,
    cycleIds: [data.cycleId],
    principleKeys: data.principleKeys,
    decisionId: data.decisionId,
    parentGoalId: data.parentGoalId,
    level: data.level,
    title: data.title,
    description: data.description,
    qualityGoals: data.qualityGoals,
    lifePhase: data.lifePhase,
    district: data.district,
    reviewIntervalDays: data.reviewIntervalDays,
    status: 'active',
    definedOn: data.definedOn,
    lastReviewOn: null,
    lastAssessment: null,
    nextReviewOn: addDays(data.definedOn, data.reviewIntervalDays),
    progressPercent: null,
    indicators: [],
    measures: [],
    reviews: [],
    reorientations: [],
    replacesGoalId: data.replacesGoalId,
    replacedByGoalId: null,
  };
}

/** How far an indicator has come from its baseline towards its target, 0–100, one decimal. */
export function indicatorProgress(indicator: Pick<GoalIndicatorView, 'baseline' | 'target' | 'latestValue'>): number {
  const { baseline, target, latestValue } = indicator;
  if (latestValue === null || target === baseline) return 0;
  const share = (latestValue - baseline) / (target - baseline);
  return round(Math.min(1, Math.max(0, share)) * 100);
}

/** The mean of the given percentages, or null when there are none. */
export function averageProgress(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  return round(known.reduce((sum, value) => sum + value, 0) / known.length);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

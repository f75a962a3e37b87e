import {
  Assessment,
  evolveGoalView,
  GoalContent,
  GoalEvent,
  GoalLevel,
  GoalStatus,
  GoalView,
  ImpactLevel,
  IndicatorDirection,
  ReorientationDecision,
  upcast,
} from '@kreislauf/domain';
import { GoalHistoryRow } from '@kreislauf/read-models';
import { DecisionView } from '../decisions/decision-views';

/**
 * A goal's history as the API tells it: per event who, when (business and record time), what changed and why.
 * What changed is typed per event type and built from the domain's upcast events, so the stored format can
 * evolve without the answer changing with it.
 */

export interface GoalHistoryActor {
  userId: string;
  /** The name the person had when they acted, where the token named one. */
  name: string | null;
  role: string;
}

export interface GoalHistoryEntryBase {
  eventId: string;
  /** The event's version in the goal's stream: the order of the history. */
  version: number;
  /** Business time: the day it happened (the day of the review, not the day it was typed in). */
  occurredAt: string;
  /** Record time: when it was written. */
  recordedAt: string;
  actor: GoalHistoryActor;
  /** Why: the rationale of a reorientation, or the reason a person gave. */
  reason: string | null;
  correlationId: string;
  /** The body's decision the event rests on, with a sentence saying who decided when. */
  decision: DecisionView | null;
}

export interface GoalDefinedChange {
  title: string;
  description: string;
  level: GoalLevel;
  cycleId: string;
  parentGoalId: string | null;
  qualityGoals: string[];
  lifePhase: string | null;
  district: string | null;
  reviewIntervalDays: number;
  definedOn: string;
  replacesGoalId: string | null;
  principleKeys: string[];
  sourceItem: { assessmentId: string; itemKey: string } | null;
}

export interface GoalHistoryIndicator {
  key: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: IndicatorDirection;
  dueOn: string;
  impactLevel: ImpactLevel;
}

export interface GoalHistoryMeasure {
  measureId: string;
  title: string;
  responsibleOrganisation: string;
  startsOn: string;
  endsOn: string;
}

export interface GoalConcretisedChange {
  concretisedOn: string;
  indicators: GoalHistoryIndicator[];
  measures: GoalHistoryMeasure[];
}

export interface MeasurementRecordedChange {
  indicatorKey: string;
  /** The indicator's name; null for a key the goal does not have. */
  indicatorName: string | null;
  value: number;
  measuredOn: string;
  source: string;
}

export interface GoalReviewedChange {
  reviewedOn: string;
  assessment: Assessment;
  evidence: string;
}

/** Fields of a goal's content; an adjustment names only those it changed. */
export type GoalContentFields = Partial<GoalContent>;

export interface GoalReorientedChange {
  reorientedOn: string;
  decision: ReorientationDecision;
  rationale: string;
  /** For "adjust": the fields it changed, as they were before and as they are after; null otherwise. */
  adjusted: { before: GoalContentFields; after: GoalContentFields } | null;
  replacementGoalId: string | null;
  /** The goal's status after the decision. */
  status: GoalStatus;
}

/** What an event changed, keyed by its type. */
export type GoalHistoryChange =
  | { type: 'GoalDefined'; change: GoalDefinedChange }
  | { type: 'GoalConcretised'; change: GoalConcretisedChange }
  | { type: 'MeasurementRecorded'; change: MeasurementRecordedChange }
  | { type: 'GoalReviewed'; change: GoalReviewedChange }
  | { type: 'GoalReoriented'; change: GoalReorientedChange };

export type GoalHistoryEntry = GoalHistoryEntryBase & GoalHistoryChange;

export interface GoalHistoryPage {
  items: GoalHistoryEntry[];
  nextCursor: string | null;
}

/** A history row as the stored event it records, upcast to today's shape. */
export function goalEventOf(row: GoalHistoryRow): GoalEvent {
  return upcast({ type: row.eventType, schemaVersion: row.schemaVersion, data: row.data }) as unknown as GoalEvent;
}

/** The body's decision an event names, if any. */
export function decisionIdOf(event: GoalEvent): string | null {
  return event.type === 'GoalConcretised' || event.type === 'MeasurementRecorded' ? null : event.data.decisionId;
}

/**
 * The entries of the rows with a version above `after`, each told against the goal as it was before it;
 * `rows` are the goal's rows from its first in stream order.
 */
export function goalHistoryEntries(rows: GoalHistoryRow[], after: number, decisions: Map<string, DecisionView>): GoalHistoryEntry[] {
  const entries: GoalHistoryEntry[] = [];
  let view: GoalView | null = null;
  for (const row of rows) {
    const event = goalEventOf(row);
    const actor = row.actor.displayName ?? row.actor.userId;
    const next = evolveGoalView(view, event, { goalId: row.goalId, eventId: row.eventId, actor });
    if (row.streamVersion > after) {
      const decisionId = decisionIdOf(event);
      const base: GoalHistoryEntryBase = {
        eventId: row.eventId,
        version: row.streamVersion,
        occurredAt: row.occurredAt,
        recordedAt: row.recordedAt.toISOString(),
        actor: { userId: row.actor.userId, name: row.actor.displayName ?? null, role: row.actor.role },
        reason: event.type === 'GoalReoriented' ? event.data.rationale : row.reason,
        correlationId: row.correlationId,
        decision: (decisionId && decisions.get(decisionId)) || null,
      };
      entries.push({ ...base, ...changeOf(event, view, next) });
    }
    view = next;
  }
  return entries;
}

function changeOf(event: GoalEvent, before: GoalView | null, after: GoalView | null): GoalHistoryChange {
  switch (event.type) {
    case 'GoalDefined': {
      const data = event.data;
      return {
        type: event.type,
        change: {
          title: data.title,
          description: data.description,
          level: data.level,
          cycleId: data.cycleId,
          parentGoalId: data.parentGoalId,
          qualityGoals: [...data.qualityGoals],
          lifePhase: data.lifePhase,
          district: data.district,
          reviewIntervalDays: data.reviewIntervalDays,
          definedOn: data.definedOn,
          replacesGoalId: data.replacesGoalId,
          principleKeys: [...data.principleKeys],
          sourceItem: data.sourceItem ? { assessmentId: data.sourceItem.assessmentId, itemKey: data.sourceItem.itemKey } : null,
        },
      };
    }
    case 'GoalConcretised':
      return {
        type: event.type,
        change: {
          concretisedOn: event.data.concretisedOn,
          indicators: event.data.indicators.map(({ key, name, unit, baseline, target, direction, dueOn, impactLevel }) => ({ key, name, unit, baseline, target, direction, dueOn, impactLevel })),
          measures: event.data.measures.map(({ measureId, title, responsibleOrganisation, startsOn, endsOn }) => ({ measureId, title, responsibleOrganisation, startsOn, endsOn })),
        },
      };
    case 'MeasurementRecorded': {
      const { indicatorKey, value, measuredOn, source } = event.data;
      const indicator = before?.indicators.find((candidate) => candidate.key === indicatorKey);
      return { type: event.type, change: { indicatorKey, indicatorName: indicator?.name ?? null, value, measuredOn, source } };
    }
    case 'GoalReviewed':
      return { type: event.type, change: { reviewedOn: event.data.reviewedOn, assessment: event.data.assessment, evidence: event.data.evidence } };
    case 'GoalReoriented': {
      const { reorientedOn, decision, rationale, changes, replacementGoalId } = event.data;
      return {
        type: event.type,
        change: {
          reorientedOn,
          decision,
          rationale,
          adjusted: changes && before ? adjustment(changes, before) : null,
          replacementGoalId,
          status: after?.status ?? before?.status ?? 'active',
        },
      };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unexpected goal event: ${JSON.stringify(unknown)}`);
    }
  }
}

const CONTENT_FIELDS = ['title', 'description', 'qualityGoals', 'lifePhase', 'district', 'reviewIntervalDays'] as const satisfies readonly (keyof GoalContent)[];

function adjustment(changes: Partial<GoalContent>, before: GoalView): { before: GoalContentFields; after: GoalContentFields } | null {
  const fields = CONTENT_FIELDS.filter((field) => field in changes);
  if (fields.length === 0) return null;
  const pick = (source: Partial<GoalContent>) => Object.fromEntries(fields.map((field) => [field, source[field]])) as GoalContentFields;
  return { before: pick(before), after: pick(changes) };
}

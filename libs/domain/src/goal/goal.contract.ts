import { DomainEvent, IsoDate } from '../domain-event';
import { addDefaults, EventContract, FIRST_VERSION } from '../event-contract';
import { Assessment, AssessmentItemRef, GoalContent, GoalLevel, Indicator, Measure, ReorientationDecision } from './goal.commands';

// The stored shape of each goal event. These types are the stored format: a field changes only with a new
// schema version and an upcaster from the version before.

/** Version 3. Version 2 added decisionId and principleKeys, version 3 sourceItem. */
export interface GoalDefinedData {
  networkId: string;
  cycleId: string;
  level: GoalLevel;
  parentGoalId: string | null;
  title: string;
  description: string;
  qualityGoals: string[];
  lifePhase: string | null;
  district: string | null;
  reviewIntervalDays: number;
  definedOn: IsoDate;
  replacesGoalId: string | null;
  decisionId: string | null;
  principleKeys: string[];
  /** The self-assessment item the goal was derived from (null for any other goal). */
  sourceItem: AssessmentItemRef | null;
}

export interface GoalConcretisedData {
  indicators: Indicator[];
  measures: Measure[];
  concretisedOn: IsoDate;
}

export interface MeasurementRecordedData {
  indicatorKey: string;
  value: number;
  measuredOn: IsoDate;
  source: string;
}

/** Version 2 added decisionId. */
export interface GoalReviewedData {
  reviewedOn: IsoDate;
  assessment: Assessment;
  evidence: string;
  decisionId: string | null;
}

/** Version 2 added decisionId. */
export interface GoalReorientedData {
  decision: ReorientationDecision;
  rationale: string;
  reorientedOn: IsoDate;
  changes: Partial<GoalContent> | null;
  replacementGoalId: string | null;
  decisionId: string | null;
}

export type GoalDefined = DomainEvent<'GoalDefined', GoalDefinedData>;
export type GoalConcretised = DomainEvent<'GoalConcretised', GoalConcretisedData>;
export type MeasurementRecorded = DomainEvent<'MeasurementRecorded', MeasurementRecordedData>;
export type GoalReviewed = DomainEvent<'GoalReviewed', GoalReviewedData>;
export type GoalReoriented = DomainEvent<'GoalReoriented', GoalReorientedData>;

export type GoalEvent = GoalDefined | GoalConcretised | MeasurementRecorded | GoalReviewed | GoalReoriented;

export const goalEventRegistry = {
  GoalDefined: {
    version: 3,
    upcasters: {
      // Goals may name the decision they rest on; strategic goals cite principles.
      1: addDefaults({ decisionId: null, principleKeys: [] }),
      // Goals defined before came from no self-assessment item.
      2: addDefaults({ sourceItem: null }),
    },
  },
  GoalConcretised: FIRST_VERSION,
  MeasurementRecorded: FIRST_VERSION,
  GoalReviewed: { version: 2, upcasters: { 1: addDefaults({ decisionId: null }) } },
  GoalReoriented: { version: 2, upcasters: { 1: addDefaults({ decisionId: null }) } },
} as const satisfies Record<GoalEvent['type'], EventContract>;

export const GOAL_EVENT_TYPES = Object.keys(goalEventRegistry) as GoalEvent['type'][];

/** A goal's events live in one stream of its own. */
export const goalStreamOf = (goalId: string): string => `goal-${goalId}`;

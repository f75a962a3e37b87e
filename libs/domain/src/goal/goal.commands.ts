import { DecisionFact } from '../catalogues/decision-subjects';
import { IsoDate } from '../domain-event';

export type GoalLevel = 'strategic' | 'operational';
export type Assessment = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'not_assessable';
export type ReorientationDecision = 'continue' | 'adjust' | 'replace' | 'retire';
export type IndicatorDirection = 'increase' | 'decrease';
export type ImpactLevel = 'output' | 'outcome' | 'impact';

export const ASSESSMENTS: Assessment[] = ['achieved', 'on_track', 'at_risk', 'off_track', 'not_assessable'];
export const REORIENTATION_DECISIONS: ReorientationDecision[] = ['continue', 'adjust', 'replace', 'retire'];
export const IMPACT_LEVELS: ImpactLevel[] = ['output', 'outcome', 'impact'];
export const INDICATOR_DIRECTIONS: IndicatorDirection[] = ['increase', 'decrease'];

/** The fields of a goal that a definition sets and an "adjust" reorientation may change. */
export interface GoalContent {
  title: string;
  description: string;
  qualityGoals: string[];
  lifePhase: string | null;
  district: string | null;
  reviewIntervalDays: number;
}

export interface GoalDefinition extends GoalContent {
  networkId: string;
  cycleId: string;
  level: GoalLevel;
  parentGoalId: string | null;
  definedOn: IsoDate;
  /** The goal this one replaces, when it came out of a "replace" reorientation. */
  replacesGoalId: string | null;
  /** The body's decision the definition rests on (since schema version 2). */
  decisionId: string | null;
  /** The guiding principles of the Leitbild in force that a strategic goal serves (since schema version 2). */
  principleKeys: string[];
}

/** The development goal of a self-assessment round a goal was derived from. */
export interface AssessmentItemRef {
  assessmentId: string;
  itemKey: string;
}

/** What the goal's writes found about that round: its network and cycle, whether it has the item and marked it as a priority. */
export interface SourceItemFact {
  networkId: string;
  cycleId: string;
  hasItem: boolean;
  prioritised: boolean;
}

/** What the goal's writes found in the event store about the cycle and the parent goal: the decider checks it. */
export interface DefinitionFacts {
  cycle: { networkId: string; status: 'open' | 'closed' } | null;
  parent: { networkId: string; level: GoalLevel; status: GoalStatus } | null;
  decision: DecisionFact | null;
  /** The principle keys of the network's Leitbild in force; null when none is adopted. */
  principlesInForce: string[] | null;
}

/** What the goal's writes found about the decision a review or reorientation names. */
export interface DecisionFacts {
  decision: DecisionFact | null;
}

export type GoalStatus = 'active' | 'retired' | 'replaced';

export interface Indicator {
  key: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: IndicatorDirection;
  dueOn: IsoDate;
  impactLevel: ImpactLevel;
}

export interface Measure {
  measureId: string;
  title: string;
  responsibleOrganisation: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export interface DefineGoal {
  type: 'DefineGoal';
  goalId: string;
  data: GoalDefinition;
  facts: DefinitionFacts;
  /** Set when the goal turns a priority of a self-assessment round into a goal of the cycle; the fact is null for an unknown round. */
  sourceItem?: { ref: AssessmentItemRef; fact: SourceItemFact | null };
}

export interface ConcretiseGoal {
  type: 'ConcretiseGoal';
  goalId: string;
  data: { indicators: Indicator[]; measures: Measure[]; concretisedOn: IsoDate };
}

export interface RecordMeasurement {
  type: 'RecordMeasurement';
  goalId: string;
  data: { indicatorKey: string; value: number; measuredOn: IsoDate; source: string };
}

export interface ReviewGoal {
  type: 'ReviewGoal';
  goalId: string;
  data: { reviewedOn: IsoDate; assessment: Assessment; evidence: string; decisionId: string | null };
  facts: DecisionFacts;
}

export interface ReorientGoal {
  type: 'ReorientGoal';
  goalId: string;
  data: {
    decision: ReorientationDecision;
    rationale: string;
    reorientedOn: IsoDate;
    /** For "adjust": the fields that change. */
    changes: Partial<GoalContent> | null;
    /** For "replace": the id the new goal gets; the new goal is defined by a DefineGoal that names this one. */
    replacementGoalId: string | null;
    decisionId: string | null;
  };
  facts: DecisionFacts;
}

export type GoalCommand = DefineGoal | ConcretiseGoal | RecordMeasurement | ReviewGoal | ReorientGoal;

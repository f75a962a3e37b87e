import { DomainEvent } from '../domain-event';
import { AssessmentItemRef, ConcretiseGoal, GoalDefinition, RecordMeasurement, ReorientGoal, ReviewGoal } from './goal.commands';

/** Since schema version 3 a definition records the assessment item it came from (null for any other goal). */
export type GoalDefinedData = GoalDefinition & { sourceItem: AssessmentItemRef | null };
export type GoalDefined = DomainEvent<'GoalDefined', GoalDefinedData>;
export type GoalConcretised = DomainEvent<'GoalConcretised', ConcretiseGoal['data']>;
export type MeasurementRecorded = DomainEvent<'MeasurementRecorded', RecordMeasurement['data']>;
export type GoalReviewed = DomainEvent<'GoalReviewed', ReviewGoal['data']>;
export type GoalReoriented = DomainEvent<'GoalReoriented', ReorientGoal['data']>;

export type GoalEvent = GoalDefined | GoalConcretised | MeasurementRecorded | GoalReviewed | GoalReoriented;

export const GOAL_EVENT_TYPES: GoalEvent['type'][] = [
  'GoalDefined',
  'GoalConcretised',
  'MeasurementRecorded',
  'GoalReviewed',
  'GoalReoriented',
];

/** The business date of a goal event: the day of the review, not the day it was typed in. */
export function goalEventOccurredOn(event: GoalEvent): string {
  switch (event.type) {
    case 'GoalDefined':
      return event.data.definedOn;
    case 'GoalConcretised':
      return event.data.concretisedOn;
    case 'MeasurementRecorded':
      return event.data.measuredOn;
    case 'GoalReviewed':
      return event.data.reviewedOn;
    case 'GoalReoriented':
      return event.data.reorientedOn;
  }
}

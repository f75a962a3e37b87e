import { DomainEvent } from '../domain-event';
import { ConcretiseGoal, GoalDefinition, RecordMeasurement, ReorientGoal, ReviewGoal } from './goal.commands';

export type GoalDefined = DomainEvent<'GoalDefined', GoalDefinition>;
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

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

import { assertNever } from '../event-contract';
import { GoalEvent } from './goal.contract';

export * from './goal.contract';

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
    default:
      return assertNever(event, 'goal event');
  }
}

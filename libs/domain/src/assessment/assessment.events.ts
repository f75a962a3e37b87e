import { assertNever } from '../event-contract';
import { AssessmentEvent } from './assessment.contract';

export * from './assessment.contract';

/** The business date of an assessment event. */
export function assessmentEventOccurredOn(event: AssessmentEvent): string {
  switch (event.type) {
    case 'AssessmentOpened':
      return event.data.openedOn;
    case 'RatingsSubmitted':
      return event.data.ratedOn;
    case 'AssessmentClosed':
      return event.data.closedOn;
    case 'AssessmentItemPrioritised':
      return event.data.prioritisedOn;
    default:
      return assertNever(event, 'assessment event');
  }
}

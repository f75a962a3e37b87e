import { FrameworkItem } from '../catalogues/quality-framework';
import { DomainEvent } from '../domain-event';
import { AssessmentOpening, CloseAssessment, PrioritiseItem, SubmitRatings } from './assessment.commands';

/** The opening names the items of the round, so that the round keeps them whatever later framework versions say. */
export type AssessmentOpened = DomainEvent<'AssessmentOpened', AssessmentOpening & { items: FrameworkItem[] }>;
export type RatingsSubmitted = DomainEvent<'RatingsSubmitted', SubmitRatings['data']>;
export type AssessmentClosed = DomainEvent<'AssessmentClosed', CloseAssessment['data']>;
export type AssessmentItemPrioritised = DomainEvent<'AssessmentItemPrioritised', PrioritiseItem['data']>;

export type AssessmentEvent = AssessmentOpened | RatingsSubmitted | AssessmentClosed | AssessmentItemPrioritised;

export const ASSESSMENT_EVENT_TYPES: AssessmentEvent['type'][] = ['AssessmentOpened', 'RatingsSubmitted', 'AssessmentClosed', 'AssessmentItemPrioritised'];

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
  }
}

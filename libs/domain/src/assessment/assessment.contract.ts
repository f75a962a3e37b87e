import { FrameworkItem } from '../catalogues/quality-framework';
import { DomainEvent, IsoDate } from '../domain-event';
import { EventContract, FIRST_VERSION } from '../event-contract';
import { ItemRating, Visibility } from './assessment.commands';

// The stored shape of each self-assessment event. These types are the stored format: a field changes only
// with a new schema version and an upcaster from the version before.

/** The opening names the items of the round, so that the round keeps them whatever later framework versions say. */
export interface AssessmentOpenedData {
  networkId: string;
  cycleId: string;
  frameworkId: string;
  frameworkVersion: number;
  dimensionKeys: string[];
  /** User ids of the people who rate. */
  raters: string[];
  visibility: Visibility;
  openedOn: IsoDate;
  items: FrameworkItem[];
}

/** A later submission replaces the rater's earlier rating of the same item. */
export interface RatingsSubmittedData {
  raterId: string;
  ratings: ItemRating[];
  ratedOn: IsoDate;
}

export interface AssessmentClosedData {
  closedOn: IsoDate;
}

export interface AssessmentItemPrioritisedData {
  itemKey: string;
  prioritisedOn: IsoDate;
  note: string;
}

export type AssessmentOpened = DomainEvent<'AssessmentOpened', AssessmentOpenedData>;
export type RatingsSubmitted = DomainEvent<'RatingsSubmitted', RatingsSubmittedData>;
export type AssessmentClosed = DomainEvent<'AssessmentClosed', AssessmentClosedData>;
export type AssessmentItemPrioritised = DomainEvent<'AssessmentItemPrioritised', AssessmentItemPrioritisedData>;

export type AssessmentEvent = AssessmentOpened | RatingsSubmitted | AssessmentClosed | AssessmentItemPrioritised;

export const assessmentEventRegistry = {
  AssessmentOpened: FIRST_VERSION,
  RatingsSubmitted: FIRST_VERSION,
  AssessmentClosed: FIRST_VERSION,
  AssessmentItemPrioritised: FIRST_VERSION,
} as const satisfies Record<AssessmentEvent['type'], EventContract>;

export const ASSESSMENT_EVENT_TYPES = Object.keys(assessmentEventRegistry) as AssessmentEvent['type'][];

/** A self-assessment round's events live in one stream of its own. */
export const assessmentStreamOf = (assessmentId: string): string => `assessment-${assessmentId}`;

import { DecisionSubject } from '../catalogues/decision-subjects';
import { DomainEvent, IsoDate } from '../domain-event';
import { EventContract, FIRST_VERSION } from '../event-contract';
import { SealedPersonalData } from '../personal-data';

// The stored shape of each meeting event. These types are the stored format: a field changes only with a new
// schema version and an upcaster from the version before.

export interface MeetingScheduledData {
  networkId: string;
  bodyId: string;
  scheduledFor: IsoDate;
  title: string;
  /** The person who collects topics beforehand, sealed. */
  contactPerson: SealedPersonalData | null;
}

export interface TopicProposedData {
  topicId: string;
  title: string;
  description: string;
  proposedByOrganisationId: string | null;
  proposedOn: IsoDate;
}

export interface MeetingHeldData {
  heldOn: IsoDate;
  /** The ids of the organisations present. */
  attendance: string[];
}

/** Taken on the day the meeting was held. */
export interface DecisionRecordedData {
  decisionId: string;
  text: string;
  subject: DecisionSubject;
  topicId: string | null;
  decidedOn: IsoDate;
}

export type MeetingScheduled = DomainEvent<'MeetingScheduled', MeetingScheduledData>;
export type TopicProposed = DomainEvent<'TopicProposed', TopicProposedData>;
export type MeetingHeld = DomainEvent<'MeetingHeld', MeetingHeldData>;
export type DecisionRecorded = DomainEvent<'DecisionRecorded', DecisionRecordedData>;

export type MeetingEvent = MeetingScheduled | TopicProposed | MeetingHeld | DecisionRecorded;

export const meetingEventRegistry = {
  MeetingScheduled: FIRST_VERSION,
  TopicProposed: FIRST_VERSION,
  MeetingHeld: FIRST_VERSION,
  DecisionRecorded: FIRST_VERSION,
} as const satisfies Record<MeetingEvent['type'], EventContract>;

export const MEETING_EVENT_TYPES = Object.keys(meetingEventRegistry) as MeetingEvent['type'][];

/** A meeting's events live in one stream of its own. */
export const meetingStreamOf = (meetingId: string): string => `meeting-${meetingId}`;

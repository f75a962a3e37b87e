import { DecisionSubject } from '../catalogues/decision-subjects';
import { IsoDate } from '../domain-event';
import { SealedPersonalData } from '../personal-data';

/** What the handler found in the body's stream. */
export interface SchedulingFacts {
  body: { networkId: string; status: 'active' | 'dissolved'; establishedOn: IsoDate; dissolvedOn: IsoDate | null } | null;
}

export interface ScheduleMeeting {
  type: 'ScheduleMeeting';
  meetingId: string;
  data: {
    networkId: string;
    bodyId: string;
    scheduledFor: IsoDate;
    title: string;
    /** The person who collects topics beforehand, sealed by the handler. */
    contactPerson: SealedPersonalData | null;
  };
  facts: SchedulingFacts;
}

/** An organisation a command names, as the handler found its stream: its network, or null when it does not exist. */
export type NamedOrganisation = { networkId: string } | null;

export interface ProposeTopic {
  type: 'ProposeTopic';
  meetingId: string;
  data: { topicId: string; title: string; description: string; proposedByOrganisationId: string | null; proposedOn: IsoDate };
  /** The proposing organisation; null when none is named. */
  facts: { proposer: NamedOrganisation };
}

export interface RecordAttendance {
  type: 'RecordAttendance';
  meetingId: string;
  data: { heldOn: IsoDate; attendance: string[] };
  /** The body's current member organisations, and each organisation the attendance names. */
  facts: { bodyMemberIds: string[]; organisations: Record<string, NamedOrganisation> };
}

export interface RecordDecision {
  type: 'RecordDecision';
  meetingId: string;
  /** The decision is taken on the day the meeting was held; the decider adds that date. */
  data: { decisionId: string; text: string; subject: DecisionSubject; topicId: string | null };
}

export type MeetingCommand = ScheduleMeeting | ProposeTopic | RecordAttendance | RecordDecision;

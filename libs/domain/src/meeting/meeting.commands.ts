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

export interface ProposeTopic {
  type: 'ProposeTopic';
  meetingId: string;
  data: { topicId: string; title: string; description: string; proposedByOrganisationId: string | null; proposedOn: IsoDate };
}

export interface RecordAttendance {
  type: 'RecordAttendance';
  meetingId: string;
  data: { heldOn: IsoDate; attendance: string[] };
  /** The body's current member organisations. */
  facts: { bodyMemberIds: string[] };
}

export interface RecordDecision {
  type: 'RecordDecision';
  meetingId: string;
  /** The decision is taken on the day the meeting was held; the decider adds that date. */
  data: { decisionId: string; text: string; subject: DecisionSubject; topicId: string | null };
}

export type MeetingCommand = ScheduleMeeting | ProposeTopic | RecordAttendance | RecordDecision;

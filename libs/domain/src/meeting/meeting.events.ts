import { DomainEvent, IsoDate } from '../domain-event';
import { ProposeTopic, RecordAttendance, RecordDecision, ScheduleMeeting } from './meeting.commands';

export type MeetingScheduled = DomainEvent<'MeetingScheduled', ScheduleMeeting['data']>;
export type TopicProposed = DomainEvent<'TopicProposed', ProposeTopic['data']>;
export type MeetingHeld = DomainEvent<'MeetingHeld', RecordAttendance['data']>;
export type DecisionRecorded = DomainEvent<'DecisionRecorded', RecordDecision['data'] & { decidedOn: IsoDate }>;

export type MeetingEvent = MeetingScheduled | TopicProposed | MeetingHeld | DecisionRecorded;

export const MEETING_EVENT_TYPES: MeetingEvent['type'][] = ['MeetingScheduled', 'TopicProposed', 'MeetingHeld', 'DecisionRecorded'];

export function meetingEventOccurredOn(event: MeetingEvent): string {
  switch (event.type) {
    case 'MeetingScheduled':
      return event.data.scheduledFor;
    case 'TopicProposed':
      return event.data.proposedOn;
    case 'MeetingHeld':
      return event.data.heldOn;
    case 'DecisionRecorded':
      return event.data.decidedOn;
  }
}

import { assertNever } from '../event-contract';
import { MeetingEvent } from './meeting.contract';

export * from './meeting.contract';

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
    default:
      return assertNever(event, 'meeting event');
  }
}

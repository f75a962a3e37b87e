import { DomainError } from '../domain-error';

export class MeetingNotFound extends DomainError {
  readonly code = 'meeting.not_found';
  override readonly kind = 'not_found';
  constructor(meetingId: string) {
    super(`Meeting ${meetingId} does not exist`, { meetingId });
  }
}

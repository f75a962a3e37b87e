import { DomainError } from '../domain-error';

export class MeetingNotFound extends DomainError {
  readonly code = 'meeting.not_found';
  override readonly kind = 'not_found';
  constructor(meetingId: string) {
    super(`Meeting ${meetingId} does not exist`, { meetingId });
  }
}

export class MeetingAlreadyScheduled extends DomainError {
  readonly code = 'meeting.already_scheduled';
  override readonly kind = 'conflict';
  constructor(meetingId: string) {
    super(`Meeting ${meetingId} is scheduled already`, { meetingId });
  }
}

export class MeetingAlreadyHeld extends DomainError {
  readonly code = 'meeting.already_held';
  constructor(meetingId: string, heldOn: string) {
    super(`Meeting ${meetingId} was held on ${heldOn}`, { meetingId, heldOn });
  }
}

export class MeetingNotHeld extends DomainError {
  readonly code = 'meeting.not_held';
  constructor(meetingId: string) {
    super(`Meeting ${meetingId} has not been held yet; record its attendance first`, { meetingId });
  }
}

export class MeetingDateTooEarly extends DomainError {
  readonly code = 'meeting.date_too_early';
  constructor(date: string, earliest: string) {
    super(`The date ${date} lies before ${earliest}`, { date, earliest });
  }
}

export class TopicTooLate extends DomainError {
  readonly code = 'meeting.topic_too_late';
  constructor(proposedOn: string, scheduledFor: string) {
    super(`A topic proposed on ${proposedOn} comes after the meeting on ${scheduledFor}`, { proposedOn, scheduledFor });
  }
}

export class DuplicateTopic extends DomainError {
  readonly code = 'meeting.duplicate_topic';
  override readonly kind = 'conflict';
  constructor(topicId: string) {
    super(`Topic ${topicId} is proposed already`, { topicId });
  }
}

export class InvalidAttendance extends DomainError {
  readonly code = 'meeting.invalid_attendance';
  constructor(organisationId: string, problem: 'not_member' | 'duplicate') {
    super(
      problem === 'duplicate' ? `Organisation ${organisationId} is named twice` : `Organisation ${organisationId} is not a member of the body`,
      { organisationId, problem },
    );
  }
}

export class UnknownTopic extends DomainError {
  readonly code = 'meeting.unknown_topic';
  override readonly kind = 'not_found';
  constructor(topicId: string) {
    super(`The meeting has no topic ${topicId}`, { topicId });
  }
}

export class UnknownDecisionSubject extends DomainError {
  readonly code = 'meeting.unknown_decision_subject';
  constructor(subject: string) {
    super(`Not a decision subject: ${subject}`, { subject });
  }
}

export class DuplicateDecision extends DomainError {
  readonly code = 'meeting.duplicate_decision';
  override readonly kind = 'conflict';
  constructor(decisionId: string) {
    super(`Decision ${decisionId} is recorded already`, { decisionId });
  }
}

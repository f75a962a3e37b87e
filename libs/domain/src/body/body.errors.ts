import { DomainError } from '../domain-error';

export class BodyNotFound extends DomainError {
  readonly code = 'body.not_found';
  override readonly kind = 'not_found';
  constructor(bodyId: string) {
    super(`Body ${bodyId} does not exist`, { bodyId });
  }
}

export class BodyAlreadyEstablished extends DomainError {
  readonly code = 'body.already_established';
  override readonly kind = 'conflict';
  constructor(bodyId: string) {
    super(`Body ${bodyId} is established already`, { bodyId });
  }
}

export class BodyIsDissolved extends DomainError {
  readonly code = 'body.dissolved';
  constructor(bodyId: string, dissolvedOn: string) {
    super(`Body ${bodyId} was dissolved on ${dissolvedOn}`, { bodyId, dissolvedOn });
  }
}

export class InvalidMeetingCadence extends DomainError {
  readonly code = 'body.invalid_cadence';
  constructor(meetingsPerYear: number) {
    super(`A body meets 1 to 52 times a year, not ${meetingsPerYear}`, { meetingsPerYear });
  }
}

export type MemberProblem = 'left' | 'not_yet_joined' | 'duplicate';

export class InvalidBodyMember extends DomainError {
  readonly code = 'body.invalid_member';
  constructor(organisationId: string, problem: MemberProblem) {
    const why = {
      left: 'has left the network',
      not_yet_joined: 'had not joined the network on that date',
      duplicate: 'is named twice',
    }[problem];
    super(`Organisation ${organisationId} ${why}`, { organisationId, problem });
  }
}

export class BodyDateTooEarly extends DomainError {
  readonly code = 'body.date_too_early';
  constructor(date: string, earliest: string) {
    super(`The date ${date} lies before the body's previous step on ${earliest}`, { date, earliest });
  }
}

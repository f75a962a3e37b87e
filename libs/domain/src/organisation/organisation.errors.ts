import { DomainError } from '../domain-error';

export class OrganisationNotFound extends DomainError {
  readonly code = 'organisation.not_found';
  override readonly kind = 'not_found';
  constructor(organisationId: string) {
    super(`Organisation ${organisationId} does not exist`, { organisationId });
  }
}

export class OrganisationAlreadyJoined extends DomainError {
  readonly code = 'organisation.already_joined';
  override readonly kind = 'conflict';
  constructor(organisationId: string) {
    super(`Organisation ${organisationId} has joined already`, { organisationId });
  }
}

export class OrganisationHasLeft extends DomainError {
  readonly code = 'organisation.has_left';
  constructor(organisationId: string, leftOn: string) {
    super(`Organisation ${organisationId} left the network on ${leftOn}`, { organisationId, leftOn });
  }
}

export class UnknownSector extends DomainError {
  readonly code = 'organisation.unknown_sector';
  constructor(sector: string) {
    super(`Not in the sector catalogue: ${sector}`, { sector });
  }
}

export class OrganisationDateTooEarly extends DomainError {
  readonly code = 'organisation.date_too_early';
  constructor(date: string, earliest: string) {
    super(`The date ${date} lies before the organisation's previous step on ${earliest}`, { date, earliest });
  }
}

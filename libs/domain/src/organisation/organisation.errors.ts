import { DomainError } from '../domain-error';

export class OrganisationNotFound extends DomainError {
  readonly code = 'organisation.not_found';
  override readonly kind = 'not_found';
  constructor(organisationId: string) {
    super(`Organisation ${organisationId} does not exist`, { organisationId });
  }
}

import { DomainError } from '../domain-error';

export class PersonNotFound extends DomainError {
  readonly code = 'person.not_found';
  override readonly kind = 'not_found';
  constructor(personId: string) {
    super(`Person ${personId} is not known`, { personId });
  }
}

export class PersonalDataErasedAlready extends DomainError {
  readonly code = 'person.erased';
  override readonly kind = 'conflict';
  constructor(personId: string, erasedOn: string) {
    super(`The data of person ${personId} was erased on ${erasedOn}`, { personId, erasedOn });
  }
}

export class ErasureReasonMissing extends DomainError {
  readonly code = 'person.erasure_reason_missing';
  constructor(personId: string) {
    super(`Erasing the data of person ${personId} needs a reason`, { personId });
  }
}

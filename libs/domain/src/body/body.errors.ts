import { DomainError } from '../domain-error';

export class BodyNotFound extends DomainError {
  readonly code = 'body.not_found';
  override readonly kind = 'not_found';
  constructor(bodyId: string) {
    super(`Body ${bodyId} does not exist`, { bodyId });
  }
}

import { DomainError } from '../domain-error';

export class FrameworkNotFound extends DomainError {
  readonly code = 'framework.not_found';
  override readonly kind = 'not_found';
  constructor(frameworkId: string, version?: number) {
    super(version === undefined ? `Framework ${frameworkId} does not exist` : `Framework ${frameworkId} has no version ${version}`, {
      frameworkId,
      ...(version === undefined ? {} : { version }),
    });
  }
}

export class InvalidFrameworkContent extends DomainError {
  readonly code = 'framework.invalid_content';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(reason, details);
  }
}

export class FrameworkDateOutOfOrder extends DomainError {
  readonly code = 'framework.date_out_of_order';
  constructor(publishedOn: string, previousOn: string) {
    super(`A version published on ${publishedOn} cannot come after the version published on ${previousOn}`, { publishedOn, previousOn });
  }
}

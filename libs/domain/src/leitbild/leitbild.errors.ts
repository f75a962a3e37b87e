import { DomainError } from '../domain-error';

export class LeitbildVersionNotFound extends DomainError {
  readonly code = 'leitbild.version_not_found';
  override readonly kind = 'not_found';
  constructor(version: number) {
    super(`The network's Leitbild has no version ${version}`, { version });
  }
}

export class LeitbildVersionAdoptedBefore extends DomainError {
  readonly code = 'leitbild.adopted_before';
  override readonly kind = 'conflict';
  constructor(version: number) {
    super(`Version ${version} of the Leitbild was adopted before; draft a revision to change what is in force`, { version });
  }
}

export class InvalidLeitbild extends DomainError {
  readonly code = 'leitbild.invalid';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(reason, details);
  }
}

export class LeitbildNotAdopted extends DomainError {
  readonly code = 'leitbild.not_adopted';
  constructor(cycleId: string) {
    super(`Cycle ${cycleId} can leave its leitbild phase only when a Leitbild version is adopted`, { cycleId });
  }
}

export class LeitbildDateOutOfOrder extends DomainError {
  readonly code = 'leitbild.date_out_of_order';
  constructor(date: string, earliest: string) {
    super(`The date ${date} lies before ${earliest}, the Leitbild's previous step`, { date, earliest });
  }
}

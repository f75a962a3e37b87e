import { DomainError } from '../domain-error';

export class AssessmentNotFound extends DomainError {
  readonly code = 'assessment.not_found';
  override readonly kind = 'not_found';
  constructor(assessmentId: string) {
    super(`Assessment round ${assessmentId} does not exist`, { assessmentId });
  }
}

export class AssessmentAlreadyOpened extends DomainError {
  readonly code = 'assessment.already_opened';
  override readonly kind = 'conflict';
  constructor(assessmentId: string) {
    super(`Assessment round ${assessmentId} is opened already`, { assessmentId });
  }
}

export class CycleNotOpenForAssessment extends DomainError {
  readonly code = 'assessment.cycle_not_open';
  constructor(cycleId: string) {
    super(`Cycle ${cycleId} is closed; a round is opened in an open cycle of its own network`, { cycleId, reason: 'closed' });
  }
}

export class UnknownFrameworkVersion extends DomainError {
  readonly code = 'assessment.unknown_framework_version';
  constructor(frameworkId: string, version: number) {
    super(`Framework ${frameworkId} has no version ${version}`, { frameworkId, version });
  }
}

export class InvalidDimensions extends DomainError {
  readonly code = 'assessment.invalid_dimensions';
  constructor(reason: 'none' | 'repeated' | 'unknown' | 'without_goals', dimensionKeys: string[] = []) {
    const why = {
      none: 'A round rates at least one dimension',
      repeated: `Dimensions named more than once: ${dimensionKeys.join(', ')}`,
      unknown: `Not dimensions of the framework version: ${dimensionKeys.join(', ')}`,
      without_goals: `Dimensions present by name only, without development goals to rate yet: ${dimensionKeys.join(', ')}`,
    }[reason];
    super(why, { reason, dimensionKeys });
  }
}

export class InvalidRaters extends DomainError {
  readonly code = 'assessment.invalid_raters';
  constructor(reason: 'none' | 'repeated' | 'without_role', userIds: string[] = []) {
    const why = {
      none: 'A round names at least one rater',
      repeated: `Raters named more than once: ${userIds.join(', ')}`,
      without_role: `Raters are people with a role in the network; these hold none: ${userIds.join(', ')}`,
    }[reason];
    super(why, { reason, userIds });
  }
}

export class NotARater extends DomainError {
  readonly code = 'assessment.not_a_rater';
  constructor(assessmentId: string, userId: string) {
    super(`${userId} is not named as a rater of round ${assessmentId}`, { assessmentId, userId });
  }
}

export class AssessmentClosedAlready extends DomainError {
  readonly code = 'assessment.closed';
  constructor(assessmentId: string, closedOn: string) {
    super(`Round ${assessmentId} was closed on ${closedOn}; its ratings can no longer change`, { assessmentId, closedOn });
  }
}

export class AssessmentNotClosed extends DomainError {
  readonly code = 'assessment.not_closed';
  constructor(assessmentId: string) {
    super(`Round ${assessmentId} is still open; its results are shown once it is closed`, { assessmentId });
  }
}

export class UnknownItems extends DomainError {
  readonly code = 'assessment.unknown_items';
  constructor(itemKeys: string[]) {
    super(`Not development goals of this round: ${itemKeys.join(', ')}`, { itemKeys });
  }
}

export class InvalidRatings extends DomainError {
  readonly code = 'assessment.invalid_ratings';
  constructor(reason: 'none' | 'repeated', itemKeys: string[] = []) {
    super(reason === 'none' ? 'A submission rates at least one development goal' : `A submission rates each development goal once: ${itemKeys.join(', ')}`, { reason, itemKeys });
  }
}

export class AssessmentDateOutOfOrder extends DomainError {
  readonly code = 'assessment.date_out_of_order';
  constructor(date: string, earliest: string) {
    super(`The date ${date} lies before ${earliest}, the round's previous step`, { date, earliest });
  }
}

export class ItemAlreadyPrioritised extends DomainError {
  readonly code = 'assessment.already_prioritised';
  override readonly kind = 'conflict';
  constructor(itemKey: string) {
    super(`Development goal ${itemKey} is a priority of this round already`, { itemKey });
  }
}

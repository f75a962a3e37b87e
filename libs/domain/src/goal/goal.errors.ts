import { DomainError } from '../domain-error';

export class GoalNotFound extends DomainError {
  readonly code = 'goal.not_found';
  override readonly kind = 'not_found';
  constructor(goalId: string) {
    super(`Goal ${goalId} does not exist`, { goalId });
  }
}

export class GoalAlreadyDefined extends DomainError {
  readonly code = 'goal.already_defined';
  override readonly kind = 'conflict';
  constructor(goalId: string) {
    super(`Goal ${goalId} is defined already`, { goalId });
  }
}

export class GoalNotActive extends DomainError {
  readonly code = 'goal.not_active';
  constructor(goalId: string, status: string) {
    super(`Goal ${goalId} is ${status} and accepts no more changes`, { goalId, goalStatus: status });
  }
}

export class CycleNotOpenForGoals extends DomainError {
  readonly code = 'goal.cycle_not_open';
  constructor(cycleId: string) {
    super(`Cycle ${cycleId} is closed; goals are defined in an open cycle of their own network`, { cycleId, reason: 'closed' });
  }
}

export class InvalidParentGoal extends DomainError {
  readonly code = 'goal.invalid_parent';
  constructor(message: string, details: Record<string, unknown>) {
    super(message, details);
  }
}

export class UnknownQualityGoal extends DomainError {
  readonly code = 'goal.unknown_quality_goal';
  constructor(keys: string[]) {
    super(`Not in the kinderstark catalogue: ${keys.join(', ')}`, { keys });
  }
}

export class GoalNotOperational extends DomainError {
  readonly code = 'goal.not_operational';
  constructor(goalId: string) {
    super(`Goal ${goalId} is strategic; indicators and measures belong to its operational goals`, { goalId });
  }
}

export class DuplicateIndicator extends DomainError {
  readonly code = 'goal.duplicate_indicator';
  constructor(key: string) {
    super(`Indicator ${key} is defined already`, { key });
  }
}

export class InvalidIndicator extends DomainError {
  readonly code = 'goal.invalid_indicator';
  constructor(key: string, why: string) {
    super(`Indicator ${key}: ${why}`, { key });
  }
}

export class InvalidMeasure extends DomainError {
  readonly code = 'goal.invalid_measure';
  constructor(title: string, why: string) {
    super(`Measure "${title}": ${why}`, { title });
  }
}

export class UnknownIndicator extends DomainError {
  readonly code = 'goal.unknown_indicator';
  constructor(key: string) {
    super(`The goal has no indicator ${key}`, { key });
  }
}

export class DateBeforeDefinition extends DomainError {
  readonly code = 'goal.date_before_definition';
  constructor(date: string, definedOn: string) {
    super(`The date ${date} lies before the goal's definition on ${definedOn}`, { date, definedOn });
  }
}

export class ReviewRequiredBeforeReorientation extends DomainError {
  readonly code = 'goal.review_required';
  constructor(goalId: string) {
    super(`Goal ${goalId} has not been reviewed since its last reorientation; review it first`, { goalId });
  }
}

export class InvalidReorientation extends DomainError {
  readonly code = 'goal.invalid_reorientation';
  constructor(why: string) {
    super(why);
  }
}

export class InvalidPrinciples extends DomainError {
  readonly code = 'goal.invalid_principles';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(reason, details);
  }
}

export class InvalidSourceItem extends DomainError {
  readonly code = 'goal.invalid_source_item';
  constructor(reason: 'unknown_assessment' | 'other_network' | 'other_cycle' | 'unknown_item' | 'not_a_priority', details: Record<string, unknown>) {
    const why = {
      unknown_assessment: 'The assessment round does not exist',
      other_network: 'The assessment round belongs to another network',
      other_cycle: 'A goal derived from a round is a goal of the round’s cycle',
      unknown_item: 'The assessment round has no such development goal',
      not_a_priority: 'Only a development goal the steering group marked as a priority of the round becomes a goal',
    }[reason];
    super(why, { reason, ...details });
  }
}

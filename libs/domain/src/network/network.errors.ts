import { DomainError } from '../domain-error';

export class NetworkNotFound extends DomainError {
  readonly code = 'network.not_found';
  override readonly kind = 'not_found';
  constructor(networkId: string) {
    super(`Network ${networkId} does not exist`, { networkId });
  }
}

export class NetworkAlreadyRegistered extends DomainError {
  readonly code = 'network.already_registered';
  override readonly kind = 'conflict';
  constructor(networkId: string) {
    super(`Network ${networkId} is registered already`, { networkId });
  }
}

export class CycleNotFound extends DomainError {
  readonly code = 'cycle.not_found';
  override readonly kind = 'not_found';
  constructor(cycleId: string) {
    super(`Cycle ${cycleId} does not exist`, { cycleId });
  }
}

export class CycleAlreadyOpen extends DomainError {
  readonly code = 'cycle.already_open';
  constructor(networkId: string, openCycleId: string) {
    super(`Network ${networkId} has an open cycle already (${openCycleId}); close it first`, { networkId, openCycleId });
  }
}

export class CycleNotOpen extends DomainError {
  readonly code = 'cycle.not_open';
  constructor(cycleId: string) {
    super(`Cycle ${cycleId} is closed`, { cycleId });
  }
}

export class InvalidPeriod extends DomainError {
  readonly code = 'cycle.invalid_period';
  constructor(from: string, to: string) {
    super(`The period must not end (${to}) before it begins (${from})`, { from, to });
  }
}

export class PhaseOutOfOrder extends DomainError {
  readonly code = 'cycle.phase_out_of_order';
  constructor(cycleId: string, current: string | null, requested: string, expected: string | null) {
    super(
      expected
        ? `Cycle ${cycleId} is in phase ${current ?? 'none'}; the next phase is ${expected}, not ${requested}`
        : `Cycle ${cycleId} has entered its last phase already`,
      { cycleId, current, requested, expected },
    );
  }
}

export class DateBeforePreviousStep extends DomainError {
  readonly code = 'cycle.date_before_previous_step';
  constructor(date: string, previous: string) {
    super(`The date ${date} lies before the cycle's previous step on ${previous}`, { date, previous });
  }
}

export class CycleNotInReflection extends DomainError {
  readonly code = 'cycle.not_in_reflection';
  constructor(cycleId: string, phase: string | null) {
    super(`Cycle ${cycleId} can be closed only in its reflection phase (it is in ${phase ?? 'no phase'})`, { cycleId, phase });
  }
}

export class RoleAlreadyGranted extends DomainError {
  readonly code = 'role.already_granted';
  override readonly kind = 'conflict';
  constructor(userId: string, role: string) {
    super(`${userId} holds the role ${role} in this network already`, { userId, role });
  }
}

export class RoleNotGranted extends DomainError {
  readonly code = 'role.not_granted';
  constructor(userId: string, role: string) {
    super(`${userId} was not granted the role ${role} in this network`, { userId, role });
  }
}

export class CycleHasGoalsNotReoriented extends DomainError {
  readonly code = 'cycle.goals_not_reoriented';
  constructor(cycleId: string, goalIds: string[]) {
    super(`Cycle ${cycleId} can close only when every active goal has a review and a reorientation in it; missing for ${goalIds.length} goal(s)`, { cycleId, goalIds });
  }
}

export class CycleOpensBeforeLastClosed extends DomainError {
  readonly code = 'cycle.opens_before_previous_closed';
  constructor(openedOn: string, closedOn: string) {
    super(`A cycle cannot open (${openedOn}) before the previous one closed (${closedOn})`, { openedOn, closedOn });
  }
}

import { DecisionFact, DecisionSubject } from './catalogues/decision-subjects';
import { DomainError } from './domain-error';
import { IsoDate } from './domain-event';

export class DecisionNotFound extends DomainError {
  readonly code = 'decision.not_found';
  override readonly kind = 'not_found';
  constructor(decisionId: string) {
    super(`No decision ${decisionId} was recorded in this network`, { decisionId });
  }
}

export class DecisionDoesNotFit extends DomainError {
  readonly code = 'decision.does_not_fit';
  constructor(decisionId: string, reason: string, details: Record<string, unknown> = {}) {
    super(`Decision ${decisionId} ${reason}`, { decisionId, ...details });
  }
}

/**
 * An act that names the decision it rests on: the decision must be one of the network's, decide this kind
 * of act, and have been taken on or before the act's date.
 */
export function checkDecision(decisionId: string | null, fact: DecisionFact | null, expected: { networkId: string; subject: DecisionSubject; actOn: IsoDate }): void {
  if (decisionId === null) return;
  if (!fact || fact.decisionId !== decisionId || fact.networkId !== expected.networkId) throw new DecisionNotFound(decisionId);
  if (fact.subject !== expected.subject) {
    throw new DecisionDoesNotFit(decisionId, `decides "${fact.subject}", not "${expected.subject}"`, { subject: fact.subject, expected: expected.subject });
  }
  if (fact.decidedOn > expected.actOn) {
    throw new DecisionDoesNotFit(decisionId, `was taken on ${fact.decidedOn}, after the act it is named for (${expected.actOn})`, { decidedOn: fact.decidedOn });
  }
}

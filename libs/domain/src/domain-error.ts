/**
 * A rule of the domain said no. `code` is stable (clients and problem types rely on it);
 * `kind` tells the HTTP layer which status fits: a missing thing, a rule, or a conflict with what exists.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly kind: 'not_found' | 'rule' | 'conflict' = 'rule';
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

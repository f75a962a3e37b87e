import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager } from 'typeorm';

/**
 * A projection maps events to rows. It is handed a whole batch inside the runner's transaction, folds it
 * in memory and writes each touched row once. Applying an event twice must leave the same rows.
 */
export interface Projection {
  readonly name: string;
  readonly eventTypes: readonly string[];
  /** The tables it owns, emptied by a rebuild. */
  readonly tables: readonly string[];
  apply(events: StoredEvent[], manager: EntityManager): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');

import { Projection } from '../projection';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity and migration classes as Function
type EntityOrMigration = Function;
import { DecisionRow } from './decision.entity';

/** Organisations, bodies, meetings and decisions: their entities, migrations, projections and tables. */
export const STRUCTURE_ENTITIES: EntityOrMigration[] = [DecisionRow];
export const STRUCTURE_MIGRATIONS: EntityOrMigration[] = [];
export const STRUCTURE_TABLES: Record<string, string> = {};

export function structureProjections(): Projection[] {
  return [];
}

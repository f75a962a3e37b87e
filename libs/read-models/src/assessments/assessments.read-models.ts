import { Projection } from '../projection';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity and migration classes as Function
type EntityOrMigration = Function;

/** Self-assessment rounds against a quality framework: its entities, migrations, projections and tables. */
export const ASSESSMENT_ENTITIES: EntityOrMigration[] = [];
export const ASSESSMENT_MIGRATIONS: EntityOrMigration[] = [];
export const ASSESSMENT_TABLES: Record<string, string> = {};

export function assessmentProjections(): Projection[] {
  return [];
}

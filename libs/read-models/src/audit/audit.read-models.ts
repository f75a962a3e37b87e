import { Projection } from '../projection';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity and migration classes as Function
type EntityOrMigration = Function;

/** The audit log: its entities, migrations, projections and tables. */
export const AUDIT_ENTITIES: EntityOrMigration[] = [];
export const AUDIT_MIGRATIONS: EntityOrMigration[] = [];
export const AUDIT_TABLES: Record<string, string> = {};

export function auditProjections(): Projection[] {
  return [];
}

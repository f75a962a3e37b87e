import { Projection } from '../projection';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity and migration classes as Function
type EntityOrMigration = Function;

/** The offer landscape: its entities, migrations, projections and tables. */
export const OFFER_ENTITIES: EntityOrMigration[] = [];
export const OFFER_MIGRATIONS: EntityOrMigration[] = [];
export const OFFER_TABLES: Record<string, string> = {};

export function offerProjections(): Projection[] {
  return [];
}

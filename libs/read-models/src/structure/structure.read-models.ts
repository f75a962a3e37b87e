import { NetworkStructure1764200000000 } from '../migrations/1764200000000-network-structure';
import { Projection } from '../projection';
import { DecisionRow } from './decision.entity';
import { BodyRow, MeetingRow, OrganisationRow } from './structure.entities';
import { StructureProjection } from './structure.projection';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity and migration classes as Function
type EntityOrMigration = Function;

/** Organisations, bodies, meetings and decisions: their entities, migrations, projections and tables. */
export const STRUCTURE_ENTITIES: EntityOrMigration[] = [DecisionRow, OrganisationRow, BodyRow, MeetingRow];
export const STRUCTURE_MIGRATIONS: EntityOrMigration[] = [NetworkStructure1764200000000];
export const STRUCTURE_TABLES: Record<string, string> = {
  rm_organisations: 'id',
  rm_bodies: 'id',
  rm_meetings: 'id',
  rm_decisions: 'id',
};

export function structureProjections(): Projection[] {
  return [new StructureProjection()];
}

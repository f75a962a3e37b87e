import type { EventEmitter } from 'node:events';
import { DataSourceOptions } from 'typeorm';
import { GoalHistoryProjection } from './goal-history/goal-history.projection';
import { GoalHistoryRow } from './goal-history/goal-history.entity';
import { GoalRow } from './goals/goal.entities';
import { GoalsProjection } from './goals/goals.projection';
import { InitialReadModels1764000000000 } from './migrations/1764000000000-initial-read-models';
import { NetworkRoles1764100000000 } from './migrations/1764100000000-network-roles';
import { CycleRow, LeitbildVersionRow, NetworkRoleRow, NetworkRow } from './networks/network.entities';
import { NetworksProjection } from './networks/networks.projection';
import { OFFER_ENTITIES, OFFER_MIGRATIONS, offerProjections } from './offers/offers.read-models';
import { PersonalDataKeys1764150000000 } from './migrations/1764150000000-personal-data-keys';
import { LeitbildAndCycles1764400000000 } from './migrations/1764400000000-leitbild-and-cycles';
import { PersonRegistry1764700000000 } from './migrations/1764700000000-person-registry';
import { PoisonedEvents1764760000000 } from './migrations/1764760000000-poisoned-events';
import { PersonNetworks1764800000000 } from './migrations/1764800000000-person-networks';
import { ReplayGoals1764900000000 } from './migrations/1764900000000-replay-goals';
import { GoalHistorySchemaVersions1764950000000 } from './migrations/1764950000000-goal-history-schema-versions';
import { CycleGoalRow } from './cycles/cycle-goal.entity';
import { CycleGoalsProjection } from './cycles/cycle-goals.projection';
import { Projection } from './projection';
import { ASSESSMENT_ENTITIES, ASSESSMENT_MIGRATIONS, assessmentProjections } from './assessments/assessments.read-models';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS, auditProjections } from './audit/audit.read-models';
import { STRUCTURE_ENTITIES, STRUCTURE_MIGRATIONS, structureProjections } from './structure/structure.read-models';
import { ProjectionCheckpoint } from './runner/projection-checkpoint.entity';

export const READ_MODEL_ENTITIES = [ProjectionCheckpoint, NetworkRow, CycleRow, NetworkRoleRow, LeitbildVersionRow, GoalRow, GoalHistoryRow, CycleGoalRow, ...STRUCTURE_ENTITIES, ...OFFER_ENTITIES, ...ASSESSMENT_ENTITIES, ...AUDIT_ENTITIES];
export const READ_MODEL_MIGRATIONS = [
  InitialReadModels1764000000000,
  NetworkRoles1764100000000,
  PersonalDataKeys1764150000000,
  ...STRUCTURE_MIGRATIONS,
  ...OFFER_MIGRATIONS,
  LeitbildAndCycles1764400000000,
  ...ASSESSMENT_MIGRATIONS,
  ...AUDIT_MIGRATIONS,
  PersonRegistry1764700000000,
  PoisonedEvents1764760000000,
  PersonNetworks1764800000000,
  ReplayGoals1764900000000,
  GoalHistorySchemaVersions1764950000000,
];

export function createProjections(): Projection[] {
  return [new NetworksProjection(), new GoalsProjection(), new GoalHistoryProjection(), new CycleGoalsProjection(), ...structureProjections(), ...offerProjections(), ...assessmentProjections(), ...auditProjections()];
}

/** TypeORM options for the read-model database: migrations, never synchronize. */
export function readModelDataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsTableName: 'read_model_migrations',
    synchronize: false,
    migrationsRun: false,
    // A connection the server ends right after it opened (a shutdown, pg_terminate_backend) can report it
    // in the same read as its readiness, after the pool took its own listener off and before TypeORM put
    // one on: unheard, that 'error' ends the process. The next statement on it fails with the error instead.
    extra: { max: poolSize, onConnect: (client: EventEmitter) => void client.on('error', () => undefined) },
  };
}

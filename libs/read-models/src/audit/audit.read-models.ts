import { AuditLog1764600000000 } from '../migrations/1764600000000-audit-log';
import { Projection } from '../projection';
import { AuditLogRow, AuditSubjectRow } from './audit-log.entities';
import { AuditLogProjection } from './audit-log.projection';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity and migration classes as Function
type EntityOrMigration = Function;

/** The audit log: its entities, migrations, projections and tables. */
export const AUDIT_ENTITIES: EntityOrMigration[] = [AuditLogRow, AuditSubjectRow];
export const AUDIT_MIGRATIONS: EntityOrMigration[] = [AuditLog1764600000000];
export const AUDIT_TABLES: Record<string, string> = { rm_audit_log: 'position_commit, position_prepare', rm_audit_subjects: 'id' };

export function auditProjections(): Projection[] {
  return [new AuditLogProjection()];
}

import { AuditedDatabase } from './projection-audit';
import { killAllProjectors } from './projector-process';

/**
 * An AuditedDatabase of its own for the enclosing describe block, created before its tests; after them the
 * projector processes the spec started are killed and the database closed. Call the returned function inside a test.
 */
export function auditedDatabaseForSuite(): () => AuditedDatabase {
  let db: AuditedDatabase;
  beforeAll(async () => {
    db = await AuditedDatabase.create();
  });
  afterAll(async () => {
    await killAllProjectors();
    await db.close();
  });
  return () => db;
}

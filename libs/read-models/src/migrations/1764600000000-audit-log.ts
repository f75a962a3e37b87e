import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1764600000000 implements MigrationInterface {
  name = 'AuditLog1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_audit_log (
        position_commit bigint NOT NULL,
        position_prepare bigint NOT NULL,
        event_id uuid NOT NULL,
        network_id uuid NOT NULL,
        stream_id text NOT NULL,
        stream_version int NOT NULL,
        event_type text NOT NULL,
        occurred_at text NOT NULL,
        occurred_on date NULL,
        recorded_at timestamptz NOT NULL,
        actor_user_id text NOT NULL,
        actor_name text NULL,
        actor_role text NOT NULL,
        summary_de text NOT NULL,
        summary_en text NOT NULL,
        reason text NULL,
        -- Keyed by the global position: rows arrive in its order, so the key only ever grows at its end.
        PRIMARY KEY (position_commit, position_prepare)
      )`);
    // A network's log in global order, and one goal's (or any stream's) entries, are read page by page from these.
    await queryRunner.query(`CREATE INDEX rm_audit_log_network_position ON rm_audit_log (network_id, position_commit, position_prepare)`);
    await queryRunner.query(`CREATE INDEX rm_audit_log_stream_position ON rm_audit_log (stream_id, position_commit, position_prepare)`);
    await queryRunner.query(`
      CREATE TABLE rm_audit_subjects (
        id text PRIMARY KEY,
        kind text NOT NULL,
        title text NOT NULL,
        position_commit bigint NOT NULL,
        position_prepare bigint NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS rm_audit_subjects`);
    await queryRunner.query(`DROP TABLE IF EXISTS rm_audit_log`);
  }
}

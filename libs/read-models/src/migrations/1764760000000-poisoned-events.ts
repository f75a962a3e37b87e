import { MigrationInterface, QueryRunner } from 'typeorm';

/** Events a projection could not apply: it went past them, and /health names them until a rebuild applies them. */
export class PoisonedEvents1764760000000 implements MigrationInterface {
  name = 'PoisonedEvents1764760000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_poisoned_events (
        projection text NOT NULL,
        position_commit bigint NOT NULL,
        position_prepare bigint NOT NULL,
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        event_type text NOT NULL,
        error text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, position_commit, position_prepare)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projection_poisoned_events`);
  }
}

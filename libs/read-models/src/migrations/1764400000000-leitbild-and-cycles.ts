import { MigrationInterface, QueryRunner } from 'typeorm';

/** Leitbild versions, the cycles a goal belonged to, and what each cycle planned, reviewed and changed. */
export class LeitbildAndCycles1764400000000 implements MigrationInterface {
  name = 'LeitbildAndCycles1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_leitbild_versions (
        network_id uuid NOT NULL,
        version int NOT NULL,
        revises_version int,
        vision text NOT NULL,
        principles jsonb NOT NULL,
        drafted_on date NOT NULL,
        status text NOT NULL,
        adopted_on date,
        decision_id uuid,
        superseded_on date,
        PRIMARY KEY (network_id, version)
      )`);
    await queryRunner.query(`ALTER TABLE rm_goals ADD COLUMN cycle_ids jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`UPDATE rm_goals SET cycle_ids = jsonb_build_array(cycle_id)`);
    await queryRunner.query(`ALTER TABLE rm_goals ADD COLUMN principle_keys jsonb NOT NULL DEFAULT '[]', ADD COLUMN decision_id uuid`);
    await queryRunner.query(`
      CREATE TABLE rm_cycle_goals (
        cycle_id uuid NOT NULL,
        goal_id uuid NOT NULL,
        network_id uuid NOT NULL,
        level text NOT NULL,
        title text NOT NULL,
        origin text NOT NULL,
        status text NOT NULL,
        current boolean NOT NULL,
        reviews jsonb NOT NULL,
        reorientations jsonb NOT NULL,
        goal_version int NOT NULL,
        PRIMARY KEY (cycle_id, goal_id)
      )`);
    await queryRunner.query(`CREATE INDEX rm_cycle_goals_network ON rm_cycle_goals (network_id)`);
    await queryRunner.query(`CREATE INDEX rm_cycle_goals_goal ON rm_cycle_goals (goal_id) WHERE current`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS rm_cycle_goals`);
    await queryRunner.query(`ALTER TABLE rm_goals DROP COLUMN IF EXISTS cycle_ids, DROP COLUMN IF EXISTS principle_keys, DROP COLUMN IF EXISTS decision_id`);
    await queryRunner.query(`DROP TABLE IF EXISTS rm_leitbild_versions`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A goal history row keeps the schema version of its data since this version, so that readers upcast it
 * like any stored event. Rows written before do not know theirs: the goal-history projection starts again
 * from the first event (its rows are emptied and its checkpoint removed; the events are untouched).
 */
export class GoalHistorySchemaVersions1764950000000 implements MigrationInterface {
  name = 'GoalHistorySchemaVersions1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM rm_goal_history`);
    await queryRunner.query(`ALTER TABLE rm_goal_history ADD COLUMN schema_version integer NOT NULL`);
    await queryRunner.query(`DELETE FROM projection_checkpoints WHERE name = 'goal-history'`);
    await queryRunner.query(`DELETE FROM projection_poisoned_events WHERE projection = 'goal-history'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rm_goal_history DROP COLUMN schema_version`);
  }
}

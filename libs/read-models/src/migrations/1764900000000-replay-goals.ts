import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews and reorientations in rm_goals name the event that recorded them since this version; rows written
 * before do not. The goals projection starts again from the first event: its rows are emptied and its
 * checkpoint removed, so the runner projects every goal anew on start (the events are untouched).
 */
export class ReplayGoals1764900000000 implements MigrationInterface {
  name = 'ReplayGoals1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM rm_goals`);
    await queryRunner.query(`DELETE FROM projection_checkpoints WHERE name = 'goals'`);
    await queryRunner.query(`DELETE FROM projection_poisoned_events WHERE projection = 'goals'`);
  }

  async down(): Promise<void> {
    // A replay has nothing to undo.
  }
}

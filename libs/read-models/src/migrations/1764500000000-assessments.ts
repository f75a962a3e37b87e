import { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessments1764500000000 implements MigrationInterface {
  name = 'Assessments1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_framework_versions (
        framework_id uuid NOT NULL,
        version int NOT NULL,
        published_on date NOT NULL,
        title jsonb NOT NULL,
        dimensions jsonb NOT NULL,
        PRIMARY KEY (framework_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE rm_assessments (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        framework_id uuid NOT NULL,
        framework_version int NOT NULL,
        dimension_keys jsonb NOT NULL,
        raters jsonb NOT NULL,
        visibility text NOT NULL,
        status text NOT NULL,
        opened_on date NOT NULL,
        closed_on date NULL,
        submitted_by jsonb NOT NULL,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rm_assessments_network ON rm_assessments (network_id, opened_on)`);
    await queryRunner.query(`
      CREATE TABLE rm_assessment_ratings (
        assessment_id uuid NOT NULL,
        rater_id text NOT NULL,
        item_key text NOT NULL,
        rater_name text NULL,
        rating text NOT NULL,
        comment text NOT NULL,
        rated_on date NOT NULL,
        PRIMARY KEY (assessment_id, rater_id, item_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE rm_assessment_items (
        assessment_id uuid NOT NULL,
        key text NOT NULL,
        position int NOT NULL,
        dimension_key text NOT NULL,
        theme_key text NOT NULL,
        counts jsonb NOT NULL,
        rated int NOT NULL,
        cannot_judge int NOT NULL,
        median double precision NULL,
        divergence double precision NULL,
        prioritised_on date NULL,
        priority_note text NULL,
        PRIMARY KEY (assessment_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE rm_assessment_item_goals (
        goal_id uuid PRIMARY KEY,
        assessment_id uuid NOT NULL,
        item_key text NOT NULL,
        network_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        level text NOT NULL,
        title text NOT NULL,
        defined_on date NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rm_assessment_item_goals_item ON rm_assessment_item_goals (assessment_id, item_key)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS rm_assessment_item_goals, rm_assessment_items, rm_assessment_ratings, rm_assessments, rm_framework_versions`);
  }
}

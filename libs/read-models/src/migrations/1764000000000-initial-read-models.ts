import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialReadModels1764000000000 implements MigrationInterface {
  name = 'InitialReadModels1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        commit_position bigint,
        prepare_position bigint,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE rm_networks (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        region text NOT NULL,
        responsible_body text NOT NULL,
        municipalities jsonb NOT NULL,
        programme text,
        registered_on date NOT NULL,
        open_cycle_id uuid,
        version int NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE rm_cycles (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        title text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        opened_on date NOT NULL,
        status text NOT NULL,
        current_phase text,
        phases jsonb NOT NULL,
        closed_on date
      )`);
    await queryRunner.query(`CREATE INDEX rm_cycles_network ON rm_cycles (network_id)`);
    await queryRunner.query(`
      CREATE TABLE rm_goals (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        parent_goal_id uuid,
        level text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        quality_goals jsonb NOT NULL,
        life_phase text,
        district text,
        review_interval_days int NOT NULL,
        status text NOT NULL,
        defined_on date NOT NULL,
        last_review_on date,
        last_assessment text,
        next_review_on date,
        progress_percent double precision,
        indicators jsonb NOT NULL,
        measures jsonb NOT NULL,
        reviews jsonb NOT NULL,
        reorientations jsonb NOT NULL,
        replaces_goal_id uuid,
        replaced_by_goal_id uuid,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rm_goals_network_cycle ON rm_goals (network_id, cycle_id)`);
    await queryRunner.query(`CREATE INDEX rm_goals_network_next_review ON rm_goals (network_id, next_review_on)`);
    await queryRunner.query(`
      CREATE TABLE rm_goal_history (
        event_id uuid PRIMARY KEY,
        goal_id uuid NOT NULL,
        network_id uuid NOT NULL,
        stream_version int NOT NULL,
        event_type text NOT NULL,
        occurred_at text NOT NULL,
        recorded_at timestamptz NOT NULL,
        actor jsonb NOT NULL,
        reason text,
        correlation_id text NOT NULL,
        data jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX rm_goal_history_goal_version ON rm_goal_history (goal_id, stream_version)`);
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        key text NOT NULL,
        scope text NOT NULL,
        request_hash text NOT NULL,
        status_code int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['idempotency_keys', 'rm_goal_history', 'rm_goals', 'rm_cycles', 'rm_networks', 'projection_checkpoints']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

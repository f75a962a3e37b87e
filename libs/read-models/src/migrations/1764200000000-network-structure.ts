import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, bodies, meetings and decisions of a network. */
export class NetworkStructure1764200000000 implements MigrationInterface {
  name = 'NetworkStructure1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_organisations (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        name text NOT NULL,
        sector text NOT NULL,
        named_in_kkg boolean NOT NULL,
        tasks text NOT NULL,
        mandates text NOT NULL,
        roles text NOT NULL,
        resources text NOT NULL,
        limits text NOT NULL,
        contact_person jsonb,
        joined_on date NOT NULL,
        left_on date,
        left_reason text,
        descriptions jsonb NOT NULL,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rm_organisations_network_joined ON rm_organisations (network_id, joined_on)`);
    await queryRunner.query(`
      CREATE TABLE rm_bodies (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        meetings_per_year int NOT NULL,
        members jsonb NOT NULL,
        member_history jsonb NOT NULL,
        established_on date NOT NULL,
        dissolved_on date,
        dissolved_reason text,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rm_bodies_network ON rm_bodies (network_id)`);
    await queryRunner.query(`
      CREATE TABLE rm_meetings (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        body_id uuid NOT NULL,
        title text NOT NULL,
        scheduled_for date NOT NULL,
        contact_person jsonb,
        topics jsonb NOT NULL,
        held_on date,
        attendance jsonb NOT NULL,
        decisions jsonb NOT NULL,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rm_meetings_body_scheduled ON rm_meetings (body_id, scheduled_for)`);
    await queryRunner.query(`CREATE INDEX rm_meetings_network ON rm_meetings (network_id)`);
    await queryRunner.query(`
      CREATE TABLE rm_decisions (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        body_id uuid NOT NULL,
        body_name text NOT NULL,
        body_kind text NOT NULL,
        decided_on date NOT NULL,
        text text NOT NULL,
        subject text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rm_decisions_network_decided ON rm_decisions (network_id, decided_on)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rm_decisions', 'rm_meetings', 'rm_bodies', 'rm_organisations']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class Offers1764300000000 implements MigrationInterface {
  name = 'Offers1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_offers (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        provider_organisation_id uuid NOT NULL,
        life_phases jsonb NOT NULL,
        districts jsonb NOT NULL,
        target_groups jsonb NOT NULL,
        starts_on date NOT NULL,
        ends_on date NULL,
        status text NOT NULL,
        listed_on date NOT NULL,
        revised_on date NULL,
        withdrawn_on date NULL,
        withdrawal_reason text NULL,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rm_offers_network ON rm_offers (network_id, starts_on)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS rm_offers`);
  }
}

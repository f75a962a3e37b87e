import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One key per person whose data events carry sealed. Not a read model: no projection owns it and no rebuild
 * empties it; deleting a person's key erases their data.
 */
export class PersonalDataKeys1764150000000 implements MigrationInterface {
  name = 'PersonalDataKeys1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE personal_data_keys (
        person_id uuid PRIMARY KEY,
        key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS personal_data_keys`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's key knows the network the person was named in (who may erase them) and keeps its row after an
 * erasure, without the key: a person once erased cannot be sealed again under the same id.
 */
export class PersonRegistry1764700000000 implements MigrationInterface {
  name = 'PersonRegistry1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE personal_data_keys
        ALTER COLUMN key DROP NOT NULL,
        ADD COLUMN network_id uuid NULL,
        ADD COLUMN erased_at timestamptz NULL,
        ADD CONSTRAINT personal_data_keys_erased_without_key CHECK ((key IS NULL) = (erased_at IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM personal_data_keys WHERE key IS NULL`);
    await queryRunner.query(`
      ALTER TABLE personal_data_keys
        DROP CONSTRAINT personal_data_keys_erased_without_key,
        DROP COLUMN erased_at,
        DROP COLUMN network_id,
        ALTER COLUMN key SET NOT NULL`);
  }
}

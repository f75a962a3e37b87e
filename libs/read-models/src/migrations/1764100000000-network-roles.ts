import { MigrationInterface, QueryRunner } from 'typeorm';

export class NetworkRoles1764100000000 implements MigrationInterface {
  name = 'NetworkRoles1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_network_roles (
        network_id uuid NOT NULL,
        user_id text NOT NULL,
        role text NOT NULL,
        granted_on date NOT NULL,
        PRIMARY KEY (network_id, user_id, role)
      )`);
    await queryRunner.query(`CREATE INDEX rm_network_roles_user ON rm_network_roles (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS rm_network_roles`);
  }
}

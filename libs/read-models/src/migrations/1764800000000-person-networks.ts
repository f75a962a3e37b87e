import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People sealed before their network was kept (every person of an installation older than the person registry,
 * and every person the demo loader created) take the network of the first event that named them: the network
 * whose coordinators may erase them. A person already known in a network keeps it. The events are read where
 * they live beside the read models (the PostgreSQL event store); with EventStoreDB the rows stay as they are,
 * and such a person is no network's: named by none, erased only by an administrator.
 */
export class PersonNetworks1764800000000 implements MigrationInterface {
  name = 'PersonNetworks1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ present }] = await queryRunner.query(`SELECT to_regclass('events') IS NOT NULL AS present`);
    if (!present) return;
    await queryRunner.query(`
      WITH mentions AS (
        SELECT mention #>> '{}' AS person_id, e.metadata ->> 'networkId' AS network_id, e.global_position
        FROM events e
        CROSS JOIN LATERAL jsonb_path_query(e.data, 'strict $.** ? (exists (@.sealed)).personId') AS mention
        WHERE jsonb_path_exists(e.data, 'strict $.**.sealed')
      ),
      first_mentions AS (
        SELECT DISTINCT ON (person_id) person_id::uuid, network_id::uuid
        FROM mentions
        WHERE person_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          AND network_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        ORDER BY person_id, global_position
      )
      UPDATE personal_data_keys k SET network_id = f.network_id
      FROM first_mentions f
      WHERE k.person_id = f.person_id AND k.network_id IS NULL`);
  }

  async down(): Promise<void> {
    // The networks found are facts of the events; nothing to undo.
  }
}

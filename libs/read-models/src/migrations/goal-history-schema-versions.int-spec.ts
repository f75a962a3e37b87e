import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { readModelDataSourceOptions, READ_MODEL_MIGRATIONS } from '../read-models';
import { GoalHistorySchemaVersions1764950000000 } from './1764950000000-goal-history-schema-versions';

/** An installation whose goal history rows do not know their schema versions: the goal-history projection starts again. */
describe('the goal-history-schema-versions migration', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const before = READ_MODEL_MIGRATIONS.filter((migration) => migration !== GoalHistorySchemaVersions1764950000000);
    const older = new DataSource({ ...readModelDataSourceOptions(database.url, 2), migrations: before });
    await older.initialize();
    await older.runMigrations();
    await older.query(
      `INSERT INTO rm_goal_history (event_id, goal_id, network_id, stream_version, event_type, occurred_at, recorded_at, actor, reason, correlation_id, data)
       VALUES ($1, $2, $3, 0, 'GoalReviewed', '2026-03-10', now(), '{"userId": "u-1", "role": "coordinator"}', NULL, 'c-1', '{"reviewedOn": "2026-03-10"}')`,
      [randomUUID(), randomUUID(), randomUUID()],
    );
    for (const name of ['goal-history', 'goals']) {
      await older.query(`INSERT INTO projection_checkpoints (name, commit_position, prepare_position) VALUES ($1, 10, 10)`, [name]);
    }
    await older.destroy();
    dataSource = new DataSource(readModelDataSourceOptions(database.url, 2));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('empties the goal history, removes its checkpoint and leaves the other projections where they were', async () => {
    const checkpoints = await dataSource.query(`SELECT name FROM projection_checkpoints ORDER BY name`);
    expect(checkpoints.map((row: { name: string }) => row.name)).toEqual(['goals']);
    expect(await dataSource.query(`SELECT count(*)::int AS count FROM rm_goal_history`)).toEqual([{ count: 0 }]);
    const columns = await dataSource.query(`SELECT is_nullable FROM information_schema.columns WHERE table_name = 'rm_goal_history' AND column_name = 'schema_version'`);
    expect(columns).toEqual([{ is_nullable: 'NO' }]);
  });
});

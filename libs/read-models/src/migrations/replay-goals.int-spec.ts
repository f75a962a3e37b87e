import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { readModelDataSourceOptions, READ_MODEL_MIGRATIONS } from '../read-models';
import { ReplayGoals1764900000000 } from './1764900000000-replay-goals';

/** An installation whose goal rows predate the event ids of reviews: the goals projection starts again. */
describe('the replay-goals migration', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const before = READ_MODEL_MIGRATIONS.filter((migration) => migration !== ReplayGoals1764900000000);
    const older = new DataSource({ ...readModelDataSourceOptions(database.url, 2), migrations: before });
    await older.initialize();
    await older.runMigrations();
    for (const name of ['goals', 'networks']) {
      await older.query(`INSERT INTO projection_checkpoints (name, commit_position, prepare_position) VALUES ($1, 10, 10)`, [name]);
      await older.query(
        `INSERT INTO projection_poisoned_events (projection, position_commit, position_prepare, event_id, stream_id, event_type, error) VALUES ($1, 5, 5, $2, 'goal-x', 'GoalReviewed', 'broken')`,
        [name, randomUUID()],
      );
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

  it('removes the goals checkpoint and its poisoned events, and leaves the other projections where they were', async () => {
    const checkpoints = await dataSource.query(`SELECT name FROM projection_checkpoints ORDER BY name`);
    expect(checkpoints.map((row: { name: string }) => row.name)).toEqual(['networks']);
    const poisoned = await dataSource.query(`SELECT projection FROM projection_poisoned_events ORDER BY projection`);
    expect(poisoned.map((row: { projection: string }) => row.projection)).toEqual(['networks']);
    expect(await dataSource.query(`SELECT count(*)::int AS count FROM rm_goals`)).toEqual([{ count: 0 }]);
  });
});

import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createProjections } from '@kreislauf/read-models';
import { READ_MODEL_TABLES } from '@kreislauf/read-models/testing/read-model-database';
import { loadConfig } from '@kreislauf/storage';
import { runCli } from '../apps/cli/src/cli';
import { ensureBuilt, REPOSITORY, serviceEnvironment, temporaryFolder } from './support/dist-service';
import { networkWithGoals } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

const PROJECTION_NAMES = createProjections().map((projection) => projection.name);

/** `npm run cli -- projections:rebuild [name]` recomputes the read models from position 0: they equal the live ones. */
describe('cli', () => {
  let api: TestApi;
  let db: Client;
  const lines: string[] = [];
  const cli = (...argv: string[]) =>
    runCli(argv, loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: api.database.url }), async () => api.database.url, { log: (line) => lines.push(line) });

  beforeAll(async () => {
    api = await startTestApi();
    const { operationalId } = await networkWithGoals(api);
    await api.http().post(`/api/v1/goals/${operationalId}/measurements`).send({ indicatorKey: 'kitas', value: 9, measuredOn: '2026-03-01', source: 'Liste' }).expect(200);
    const last = await api.http().post(`/api/v1/goals/${operationalId}/reviews`).send({ reviewedOn: '2026-03-02', assessment: 'on_track', evidence: 'Liste' }).expect(200);
    await api.http().get(`/api/v1/goals/${operationalId}?after=${last.body.position}`).expect(200);
    db = new Client({ connectionString: api.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const tables: Record<string, unknown[]> = {};
    for (const [table, key] of Object.entries(READ_MODEL_TABLES)) tables[table] = (await db.query(`SELECT * FROM ${table} ORDER BY ${key}`)).rows;
    return tables;
  }

  it('rebuilds every projection to the same rows', async () => {
    const live = await snapshot();
    expect(live.rm_goals).toHaveLength(2);
    await db.query(`UPDATE rm_goals SET title = 'verdorben', progress_percent = 0`); // damage, so that equality proves a rebuild

    expect(await cli('projections:rebuild')).toBe(0);

    expect(await snapshot()).toEqual(live);
    expect(lines.filter((line) => line.startsWith('rebuilt '))).toHaveLength(PROJECTION_NAMES.length);
  });

  it('rebuilds one projection by name and refuses an unknown name', async () => {
    const live = await snapshot();
    await db.query('DELETE FROM rm_goal_history');
    expect(await cli('projections:rebuild', 'goal-history')).toBe(0);
    expect(await snapshot()).toEqual(live);
    expect(await cli('projections:rebuild', 'nonsense')).toBe(2);
    expect(lines.at(-1)).toContain('Unknown projection: nonsense');
  });

  it('migrates, lists projections with their lag, and explains its usage', async () => {
    expect(await cli('migrate')).toBe(0);
    expect(await cli('projections:list')).toBe(0);
    expect(lines.slice(-PROJECTION_NAMES.length).map((line) => line.split('\t')[0])).toEqual(PROJECTION_NAMES);
    expect(await cli('frobnicate')).toBe(2);
    expect(lines.at(-1)).toContain('Usage: npm run cli');
  });

  it('lists the events a projection passed over, with where they stand and why', async () => {
    await db.query(
      `INSERT INTO projection_poisoned_events (projection, position_commit, position_prepare, event_id, stream_id, event_type, error)
       VALUES ('audit-log', 812, 4, '00000000-0000-4000-8000-00000000000a', 'goal-x', 'GoalReviewed', 'actor.userId is no text')`,
    );
    try {
      lines.length = 0;
      expect(await cli('projections:list')).toBe(0);
      expect(lines.find((line) => line.startsWith('audit-log\t'))).toContain('poisoned 1');
      expect(lines.find((line) => line.startsWith('goals\t'))).toContain('poisoned 0');
      expect(lines.at(-1)).toBe('poisoned\taudit-log\tposition 812.4\tGoalReviewed in goal-x\tactor.userId is no text');
    } finally {
      await db.query(`DELETE FROM projection_poisoned_events`);
    }
  });
});

/** `$(npm run -s cli -- token …)` and `$(npx kreislauf token …)` capture the token and nothing else: the cli runs the built code, it does not rebuild. */
describe('kreislauf bin', () => {
  beforeAll(() => ensureBuilt(), 240_000);

  it.each([
    ['npx', ['kreislauf']],
    ['npm', ['run', '-s', 'cli', '--']],
  ])('%s %s prints only the token on stdout, without rebuilding dist', (command, prefix) => {
    const dataDir = temporaryFolder('kreislauf-cli-');
    const builtAt = statSync(join(REPOSITORY, 'dist', 'apps', 'cli', 'src', 'main.js')).mtimeMs;
    try {
      const run = spawnSync(command, [...prefix, 'token', '--user', 'it-admin', '--role', 'admin'], {
        cwd: REPOSITORY,
        env: serviceEnvironment({ DATA_DIR: dataDir }),
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
      expect(statSync(join(REPOSITORY, 'dist', 'apps', 'cli', 'src', 'main.js')).mtimeMs).toBe(builtAt);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('prints only the answer on stdout for a command that needs the database; what it logs goes to stderr', () => {
    const dataDir = temporaryFolder('kreislauf-cli-');
    try {
      const run = spawnSync('npx', ['kreislauf', 'projections:list'], {
        cwd: REPOSITORY,
        env: serviceEnvironment({ DATA_DIR: dataDir }),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout.trimEnd().split('\n').map((line) => line.split('\t')[0])).toEqual(PROJECTION_NAMES);
      expect(run.stderr).toContain('embedded PostgreSQL on port');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

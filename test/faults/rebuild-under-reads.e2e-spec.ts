import { Client } from 'pg';
import { loadConfig } from '@kreislauf/storage';
import { runCli } from '../../apps/cli/src/cli';
import { networkWithGoals, NetworkFixture } from '../support/network-fixture';
import { startTestApi, TestApi } from '../support/test-api';
import { PROJECTION_NAMES } from './support/projection-audit';

/**
 * The events are the truth and the read models are disposable: `projections:rebuild` of everything leaves
 * the event table exactly as it was, and readers served by the api during the rebuild never see an empty
 * (or half-filled) read model, since each projection is rebuilt in one transaction.
 */
describe('rebuilding every projection', () => {
  let api: TestApi;
  let db: Client;
  let fixture: NetworkFixture;
  const cliOutput: string[] = [];
  const cli = (...argv: string[]) =>
    runCli(argv, loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: api.database.url }), async () => api.database.url, { log: (line) => cliOutput.push(line) });
  /** Every column of every event, in order: any change to the table changes it. */
  const eventTable = async () =>
    (await db.query(`SELECT count(*)::int AS events, md5(coalesce(string_agg(e::text, '|' ORDER BY global_position), '')) AS digest FROM events e`)).rows[0];

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await networkWithGoals(api);
    const last = await api.http().post(`/api/v1/goals/${fixture.operationalId}/reviews`).send({ reviewedOn: '2026-03-02', assessment: 'on_track', evidence: 'Liste' }).expect(200);
    await api.http().get(`/api/v1/goals/${fixture.operationalId}?after=${last.body.position}`).expect(200);
    db = new Client({ connectionString: api.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  it('leaves the event table as it was', async () => {
    const before = await eventTable();
    expect(before.events).toBeGreaterThan(10);

    expect(await cli('projections:rebuild')).toBe(0);

    expect(cliOutput.filter((line) => line.startsWith('rebuilt '))).toHaveLength(PROJECTION_NAMES.length);
    expect(await eventTable()).toEqual(before);
  });

  it('never shows a reader an empty read model while it runs', async () => {
    // given what readers see before the rebuild
    const paths = [
      `/api/v1/networks/${fixture.networkId}`,
      `/api/v1/networks/${fixture.networkId}/cycle-board`,
      `/api/v1/goals/${fixture.operationalId}`,
      `/api/v1/goals/${fixture.operationalId}/history`,
      `/api/v1/organisations/${fixture.organisationId}`,
    ];
    const expected = await Promise.all(paths.map(async (path) => (await api.http().get(path).expect(200)).body));
    expect(expected[1].goals.length).toBeGreaterThan(0);
    expect(expected[3].items.length).toBeGreaterThan(0);

    // when readers read them over and over while every projection is rebuilt, twice over
    let rebuilding = true;
    const seen: { path: string; status: number; same: boolean }[] = [];
    const reader = async (index: number) => {
      while (rebuilding) {
        const response = await api.http().get(paths[index]);
        seen.push({ path: paths[index], status: response.status, same: JSON.stringify(response.body) === JSON.stringify(expected[index]) });
      }
    };
    const readers = paths.map((_, index) => reader(index));
    try {
      for (let pass = 0; pass < 2; pass++) expect(await cli('projections:rebuild')).toBe(0);
    } finally {
      rebuilding = false;
      await Promise.all(readers);
    }

    // then every read during the rebuilds answered 200 with exactly what it answered before
    expect(seen.length).toBeGreaterThan(paths.length * 2);
    expect(seen.filter((read) => read.status !== 200 || !read.same)).toEqual([]);
  });
});

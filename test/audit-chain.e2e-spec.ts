import { Client } from 'pg';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

/** GET /api/v1/networks/:id/audit/verify: the hash chains of a network, on a real network, then after tampering. */
describe('audit chain verification', () => {
  let api: TestApi;
  let fixture: NetworkFixture;
  let elsewhere: NetworkFixture;
  const verify = (token: string, networkId = fixture.networkId) => api.anonymous().get(`/api/v1/networks/${networkId}/audit/verify`).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await networkWithGoals(api);
    elsewhere = await networkWithGoals(api);
  });
  afterAll(() => api.close());

  it('finds every chain of a real network intact', async () => {
    const response = await api.http().get(`/api/v1/networks/${fixture.networkId}/audit/verify`).expect(200);

    expect(response.body).toMatchObject({
      networkId: fixture.networkId,
      ok: true,
      brokenStreams: 0,
      firstBrokenLink: null,
      brokenLinks: [],
      streamEndsChecked: true,
    });
    // The network, its organisation, body, meeting, offer, cycle and two goals: each a stream of its own.
    expect(response.body.checkedStreams).toBeGreaterThanOrEqual(7);
    expect(response.body.checkedEvents).toBeGreaterThan(response.body.checkedStreams);
    expect(response.body.summary.de).toContain('unversehrt');
    expect(response.body.summary.en).toContain('intact');
  });

  it('lets coordinators and funders verify, refuses members, and hides the network from outsiders', async () => {
    const as = (role: string, networkId = fixture.networkId) => api.tokenFor({ userId: `u-${role}`, roles: [`${role}@${networkId}`] });

    await verify(await as('coordinator')).expect(200);
    await verify(await as('funder')).expect(200);
    expect((await verify(await as('member')).expect(403)).body.code).toBe('auth.forbidden');
    expect((await verify(await as('steering')).expect(403)).body.code).toBe('auth.forbidden');
    expect((await verify(await as('coordinator', elsewhere.networkId)).expect(404)).body.code).toBe('network.not_found');
  });

  it('answers 404 for a network without events and 400 for an id that is no UUID', async () => {
    await api.http().get('/api/v1/networks/0b7f2a7e-0000-4000-8000-000000000000/audit/verify').expect(404);
    await api.http().get('/api/v1/networks/nonsense/audit/verify').expect(400);
  });

  it('names a row changed through a superuser connection as the first broken link', async () => {
    const sql = new Client({ connectionString: api.database.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ event_id: string; stream_version: number }>(
        'SELECT event_id, stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version LIMIT 1',
        [`goal-${fixture.operationalId}`],
      );
      const victim = rows[0];
      await sql.query('SET session_replication_role = replica'); // past the append-only trigger
      await sql.query(`UPDATE events SET data = jsonb_set(data, '{title}', '"Nachträglich geändert"') WHERE event_id = $1`, [victim.event_id]);

      const response = await api.http().get(`/api/v1/networks/${fixture.networkId}/audit/verify`).expect(200);

      expect(response.body.ok).toBe(false);
      expect(response.body.brokenStreams).toBe(1);
      expect(response.body.firstBrokenLink).toMatchObject({
        streamId: `goal-${fixture.operationalId}`,
        streamVersion: victim.stream_version,
        eventId: victim.event_id,
        problem: 'content_hash_mismatch',
      });
      expect(response.body.firstBrokenLink.summary.de).toContain('verändert');
      expect(response.body.summary.en).toContain('First broken link');
      // Another network's chains are untouched.
      expect((await api.http().get(`/api/v1/networks/${elsewhere.networkId}/audit/verify`).expect(200)).body.ok).toBe(true);
    } finally {
      await sql.end();
    }
  });
});

import { Client } from 'pg';
import { NETWORK_ENDPOINTS, nowhere } from './support/endpoints';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

/** One network never sees another's data, nor learns that it exists. */
describe('two networks', () => {
  let api: TestApi;
  let kalk: NetworkFixture;
  let viersen: NetworkFixture;
  let kalkCoordinator: string;
  let db: Client;

  beforeAll(async () => {
    api = await startTestApi();
    kalk = await networkWithGoals(api);
    viersen = await networkWithGoals(api);
    kalkCoordinator = await api.tokenFor({ userId: 'u-kalk', roles: [`coordinator@${kalk.networkId}`] });
    db = new Client({ connectionString: api.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const send = (endpoint: (typeof NETWORK_ENDPOINTS)[number], target: NetworkFixture) => {
    const request = api.anonymous()[endpoint.method](endpoint.path(target)).auth(kalkCoordinator, { type: 'bearer' });
    return endpoint.body ? request.send(endpoint.body(target)) : request;
  };
  const stored = async () => (await db.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
  /** The body without the ids that differ between the two requests. */
  const shape = (body: Record<string, unknown>) => ({ status: body.status, code: body.code, type: body.type, title: body.title });

  for (const endpoint of NETWORK_ENDPOINTS) {
    it(`${endpoint.method.toUpperCase()} ${endpoint.route}: another network's resource answers like one that does not exist`, async () => {
      const before = await stored();
      const foreign = await send(endpoint, viersen);
      const missing = await send(endpoint, nowhere());
      expect(foreign.status).toBe(404);
      expect(shape(foreign.body)).toEqual(shape(missing.body));
      expect(foreign.body.detail.replace(/[0-9a-f-]{36}/g, '…')).toBe(missing.body.detail.replace(/[0-9a-f-]{36}/g, '…'));
      expect(await stored()).toBe(before);
    });
  }

  it('still lets the coordinator work in their own network', async () => {
    for (const endpoint of NETWORK_ENDPOINTS.filter((candidate) => candidate.method === 'get')) {
      await send(endpoint, kalk).expect(200);
    }
  });
});

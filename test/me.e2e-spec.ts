import { ACCESS_POLICY, Action, ACTIONS } from '../apps/api/src/access/access-policy';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

describe('the caller’s view: GET /me and GET /networks', () => {
  let api: TestApi;
  let fixture: NetworkFixture;
  let other: NetworkFixture;

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await networkWithGoals(api);
    other = await networkWithGoals(api);
  });
  afterAll(() => api.close());

  const get = (token: string, path: string) => api.anonymous().get(path).auth(token, { type: 'bearer' });
  const coordinatorActions = expect.arrayContaining<Action>(['goal.define', 'goal.review', 'role.grant', 'cycle.open', 'audit.read']);

  it('a coordinator by token: their role from the token, and only their network', async () => {
    const token = await api.tokenFor({ userId: 'u-anna', displayName: 'Anna Koordination', roles: [`coordinator@${fixture.networkId}`] });
    const me = await get(token, '/api/v1/me').expect(200);
    expect(me.body).toEqual({
      userId: 'u-anna',
      name: 'Anna Koordination',
      admin: false,
      adminActions: [],
      networks: [{ networkId: fixture.networkId, name: expect.any(String), roles: [{ role: 'coordinator', source: 'token' }], actions: coordinatorActions }],
    });
    expect(me.body.networks[0].actions).not.toContain('network.register');
    const networks = await get(token, '/api/v1/networks').expect(200);
    expect(networks.body.items.map((item: { id: string }) => item.id)).toEqual([fixture.networkId]);
    expect(networks.body.items[0].roles).toEqual([{ role: 'coordinator', source: 'token' }]);
    expect(networks.body.nextCursor).toBeNull();
  });

  it('a coordinator by grant: the granted role, until revoked', async () => {
    const token = await api.tokenFor({ userId: 'u-carl', roles: [] });
    const granted = await api.http().post(`/api/v1/networks/${other.networkId}/role-grants`).send({ userId: 'u-carl', role: 'coordinator' }).expect(200);
    await api.http().get(`/api/v1/networks/${other.networkId}/roles?after=${granted.body.position}`).expect(200);
    const me = await get(token, '/api/v1/me').expect(200);
    expect(me.body).toEqual({
      userId: 'u-carl',
      name: null,
      admin: false,
      adminActions: [],
      networks: [{ networkId: other.networkId, name: expect.any(String), roles: [{ role: 'coordinator', source: 'granted' }], actions: coordinatorActions }],
    });
    const networks = await get(token, '/api/v1/networks').expect(200);
    expect(networks.body).toEqual({ items: [expect.objectContaining({ id: other.networkId, roles: [{ role: 'coordinator', source: 'granted' }] })], nextCursor: null });

    const revoked = await api.http().post(`/api/v1/networks/${other.networkId}/role-revocations`).send({ userId: 'u-carl', role: 'coordinator' }).expect(200);
    await api.http().get(`/api/v1/networks/${other.networkId}/roles?after=${revoked.body.position}`).expect(200);
    expect((await get(token, '/api/v1/me').expect(200)).body.networks).toEqual([]);
    expect((await get(token, '/api/v1/networks').expect(200)).body).toEqual({ items: [], nextCursor: null });
  });

  it('an administrator: admin true, every network, a page at a time', async () => {
    const token = await api.tokenFor({ userId: 'u-it', displayName: 'Kreis-IT', roles: ['admin'] });
    const me = await get(token, '/api/v1/me').expect(200);
    expect(me.body).toEqual({ userId: 'u-it', name: 'Kreis-IT', admin: true, adminActions: expect.arrayContaining<Action>(['network.register', 'role.grant', 'audit.read']), networks: [] });
    expect(me.body.adminActions).not.toContain('goal.define');
    const first = await get(token, '/api/v1/networks?limit=1').expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(token, `/api/v1/networks?limit=1&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const seen = [first.body.items[0].id, second.body.items[0].id].sort();
    expect(seen).toEqual([fixture.networkId, other.networkId].sort());
    await get(token, '/api/v1/networks?cursor=bm90LWEtdXVpZA').expect(400);
  });

  it('a person with no role: themselves, and no network', async () => {
    const token = await api.tokenFor({ userId: 'u-nobody', roles: [] });
    expect((await get(token, '/api/v1/me').expect(200)).body).toEqual({ userId: 'u-nobody', name: null, admin: false, adminActions: [], networks: [] });
    expect((await get(token, '/api/v1/networks').expect(200)).body).toEqual({ items: [], nextCursor: null });
  });

  it('the actions per network are those the access policy gives the roles held there, token and granted together', async () => {
    const token = await api.tokenFor({ userId: 'u-mia', roles: [`member@${fixture.networkId}`] });
    const granted = await api.http().post(`/api/v1/networks/${fixture.networkId}/role-grants`).send({ userId: 'u-mia', role: 'funder' }).expect(200);
    const me = await get(token, `/api/v1/me?after=${granted.body.position}`).expect(200);
    const allowed = ACTIONS.filter((action) => ACCESS_POLICY[action].roles.some((role: string) => role === 'member' || role === 'funder'));
    expect(me.body.networks).toEqual([
      {
        networkId: fixture.networkId,
        name: expect.any(String),
        roles: [
          { role: 'member', source: 'token' },
          { role: 'funder', source: 'granted' },
        ],
        actions: allowed,
      },
    ]);
    expect(me.body.networks[0].actions).toEqual(expect.arrayContaining(['meeting.propose_topic', 'audit.read']));
    expect(me.body.networks[0].actions).not.toContain('goal.review');
  });

  it('without a token: 401', async () => {
    await api.anonymous().get('/api/v1/me').expect(401);
    await api.anonymous().get('/api/v1/networks').expect(401);
  });
});

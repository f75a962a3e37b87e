import { NZFH_FRAMEWORK_ID } from '@kreislauf/domain';
import { ROLES } from '../apps/api/src/access/access-policy';
import { NETWORK_ENDPOINTS } from './support/endpoints';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

type Who = (typeof ROLES)[number] | 'admin' | 'outsider';
/** allowed: past the guard (the domain may still refuse with 422); 403: the role may not; 404: no role here. */
type Outcome = 'allowed' | 403 | 404;

const WHO: Who[] = ['coordinator', 'steering', 'member', 'funder', 'admin', 'outsider'];

/** The access table as the README states it: every endpoint, every role. */
const EXPECTED: Record<string, Record<Who, Outcome>> = {
  'POST /api/v1/networks': { coordinator: 403, steering: 403, member: 403, funder: 403, admin: 'allowed', outsider: 403 },
  'GET /api/v1/me': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 'allowed', outsider: 'allowed' },
  'GET /api/v1/networks': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 'allowed', outsider: 'allowed' },
  'GET /metrics': { coordinator: 403, steering: 403, member: 403, funder: 403, admin: 'allowed', outsider: 403 },
  'GET /api/v1/networks/{networkId}': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 'allowed', outsider: 404 },
  'POST /api/v1/networks/{networkId}/cycles': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/cycles/{cycleId}/phases': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/cycles/{cycleId}/close': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/networks/{networkId}/goals': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/goals/{goalId}/concretisations': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/goals/{goalId}/measurements': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/goals/{goalId}/reviews': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/goals/{goalId}/reorientations': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'GET /api/v1/goals/{goalId}': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/goals/{goalId}/history': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/cycle-board': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/reviews-due': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'POST /api/v1/networks/{networkId}/role-grants': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 'allowed', outsider: 404 },
  'POST /api/v1/networks/{networkId}/role-revocations': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 'allowed', outsider: 404 },
  'GET /api/v1/networks/{networkId}/roles': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 'allowed', outsider: 404 },
  'GET /api/v1/networks/{networkId}/cycles': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/leitbild': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'POST /api/v1/networks/{networkId}/leitbild/versions': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/networks/{networkId}/leitbild/versions/{version}/adoption': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/networks/{networkId}/organisations': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/organisations': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/organisations/changes': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/organisations/{organisationId}': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'POST /api/v1/organisations/{organisationId}/descriptions': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/organisations/{organisationId}/departure': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/networks/{networkId}/bodies': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/bodies': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/bodies/{bodyId}': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'POST /api/v1/bodies/{bodyId}/members': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/bodies/{bodyId}/dissolution': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/bodies/{bodyId}/meetings': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'GET /api/v1/meetings/{meetingId}': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'POST /api/v1/meetings/{meetingId}/topics': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/meetings/{meetingId}/attendance': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/meetings/{meetingId}/decisions': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/decisions': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'POST /api/v1/networks/{networkId}/offers': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/offers': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/offer-landscape': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/offers/{offerId}': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'POST /api/v1/offers/{offerId}/revisions': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/offers/{offerId}/withdrawal': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'GET /api/v1/frameworks': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 'allowed', outsider: 'allowed' },
  'GET /api/v1/frameworks/{frameworkId}/versions/{version}': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 'allowed', outsider: 'allowed' },
  'POST /api/v1/frameworks/{frameworkId}/versions': { coordinator: 403, steering: 403, member: 403, funder: 403, admin: 'allowed', outsider: 403 },
  'POST /api/v1/networks/{networkId}/assessments': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/assessments': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/assessments/{assessmentId}': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'POST /api/v1/assessments/{assessmentId}/ratings': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'POST /api/v1/assessments/{assessmentId}/close': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 404, outsider: 404 },
  'GET /api/v1/assessments/{assessmentId}/agenda': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'POST /api/v1/assessments/{assessmentId}/priorities': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'POST /api/v1/assessments/{assessmentId}/priorities/{itemKey}/goals': { coordinator: 'allowed', steering: 'allowed', member: 403, funder: 403, admin: 404, outsider: 404 },
  'GET /api/v1/assessments/{assessmentId}/comparison': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/goals/{goalId}/diff': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/reports/progress': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/reports/history': { coordinator: 'allowed', steering: 'allowed', member: 'allowed', funder: 'allowed', admin: 404, outsider: 404 },
  'GET /api/v1/networks/{networkId}/audit': { coordinator: 'allowed', steering: 403, member: 403, funder: 'allowed', admin: 'allowed', outsider: 404 },
  'GET /api/v1/networks/{networkId}/audit/verify': { coordinator: 'allowed', steering: 403, member: 403, funder: 'allowed', admin: 'allowed', outsider: 404 },
  'POST /api/v1/people/{personId}/erasure': { coordinator: 'allowed', steering: 403, member: 403, funder: 403, admin: 'allowed', outsider: 404 },
};

describe('access policy: every endpoint with every role', () => {
  let api: TestApi;
  let fixture: NetworkFixture;
  let elsewhere: NetworkFixture;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await networkWithGoals(api);
    elsewhere = await networkWithGoals(api);
    for (const role of ROLES) tokens[role] = await api.tokenFor({ userId: `u-${role}`, displayName: role, roles: [`${role}@${fixture.networkId}`] });
    tokens.admin = await api.tokenFor({ userId: 'u-admin', roles: ['admin'] });
    tokens.outsider = await api.tokenFor({ userId: 'u-outsider', roles: [`coordinator@${elsewhere.networkId}`] });
  });
  afterAll(() => api.close());

  it('covers every operation of the OpenAPI document', async () => {
    const document = (await api.anonymous().get('/api/docs-json').expect(200)).body;
    const operations = Object.entries(document.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.filter((operation) => operation !== 'GET /health').sort()).toEqual(Object.keys(EXPECTED).filter((key) => key !== 'GET /metrics').sort());
  });

  const requests: { key: string; send: (token: string) => Promise<{ status: number; body: { code?: string } }> }[] = [
    ...NETWORK_ENDPOINTS.map((endpoint) => ({
      key: `${endpoint.method.toUpperCase()} ${endpoint.route}`,
      send: (token: string) => {
        const request = api.anonymous()[endpoint.method](endpoint.path(fixture)).auth(token, { type: 'bearer' });
        return endpoint.body ? request.send(endpoint.body(fixture)) : request;
      },
    })),
    {
      key: 'POST /api/v1/networks',
      send: (token: string) =>
        api.anonymous().post('/api/v1/networks').auth(token, { type: 'bearer' }).send({ name: 'N', region: 'R', responsibleBody: 'B', municipalities: [], registeredOn: '2020-01-01' }),
    },
    { key: 'GET /api/v1/me', send: (token: string) => api.anonymous().get('/api/v1/me').auth(token, { type: 'bearer' }) },
    { key: 'GET /api/v1/networks', send: (token: string) => api.anonymous().get('/api/v1/networks').auth(token, { type: 'bearer' }) },
    { key: 'GET /api/v1/frameworks', send: (token: string) => api.anonymous().get('/api/v1/frameworks').auth(token, { type: 'bearer' }) },
    {
      key: 'GET /api/v1/frameworks/{frameworkId}/versions/{version}',
      send: (token: string) => api.anonymous().get(`/api/v1/frameworks/${NZFH_FRAMEWORK_ID}/versions/1`).auth(token, { type: 'bearer' }),
    },
    {
      key: 'POST /api/v1/frameworks/{frameworkId}/versions',
      send: (token: string) =>
        api
          .anonymous()
          .post(`/api/v1/frameworks/${NZFH_FRAMEWORK_ID}/versions`)
          .auth(token, { type: 'bearer' })
          .send({
            title: { de: 'Qualitätsrahmen', en: 'Framework' },
            dimensions: [
              {
                key: 'network',
                number: 3,
                title: { de: 'Netzwerk', en: 'Network' },
                themes: [{ key: 'network.goals', title: { de: 'Ziele', en: 'Goals' }, goals: [{ key: 'network.goals.shared_goals', text: { de: 'Gemeinsame Ziele', en: 'Shared goals' } }] }],
              },
            ],
            publishedOn: '2026-03-01',
          }),
    },
    { key: 'GET /metrics', send: (token: string) => api.anonymous().get('/metrics').auth(token, { type: 'bearer' }) },
  ];

  for (const who of WHO) {
    it(`gives ${who} what the table says`, async () => {
      const actual: Record<string, Outcome | number> = {};
      const expected: Record<string, Outcome> = {};
      for (const { key, send } of requests) {
        const response = await send(tokens[who]);
        actual[key] = outcomeOf(response);
        expected[key] = EXPECTED[key][who];
      }
      expect(actual).toEqual(expected);
    });
  }
});

describe('granted roles', () => {
  let api: TestApi;
  let fixture: NetworkFixture;
  beforeAll(async () => {
    api = await startTestApi();
    fixture = await networkWithGoals(api);
  });
  afterAll(() => api.close());

  it('act beside the token’s roles until they are revoked', async () => {
    const bea = await api.tokenFor({ userId: 'u-bea', displayName: 'Bea Steuerung', roles: [] });
    const review = () =>
      api.anonymous().post(`/api/v1/goals/${fixture.operationalId}/reviews`).auth(bea, { type: 'bearer' }).send({ reviewedOn: '2026-03-05', assessment: 'at_risk', evidence: 'Sitzung' });
    await review().expect(404);

    const granted = await api.http().post(`/api/v1/networks/${fixture.networkId}/role-grants`).send({ userId: 'u-bea', role: 'steering', on: '2026-03-01' }).expect(200);
    const roles = await api.http().get(`/api/v1/networks/${fixture.networkId}/roles?after=${granted.body.position}`).expect(200);
    expect(roles.body).toEqual({ items: [{ userId: 'u-bea', role: 'steering', grantedOn: '2026-03-01' }], nextCursor: null });
    const reviewed = await review().expect(200);
    const history = await api.http().get(`/api/v1/goals/${fixture.operationalId}/history?after=${reviewed.body.position}`).expect(200);
    expect(history.body.items.at(-1).actor).toEqual({ userId: 'u-bea', name: 'Bea Steuerung', role: 'steering' });

    await api.http().post(`/api/v1/networks/${fixture.networkId}/role-grants`).send({ userId: 'u-bea', role: 'steering' }).expect(409);
    const revoked = await api.http().post(`/api/v1/networks/${fixture.networkId}/role-revocations`).send({ userId: 'u-bea', role: 'steering' }).expect(200);
    await api.http().get(`/api/v1/networks/${fixture.networkId}/roles?after=${revoked.body.position}`).expect(200, { items: [], nextCursor: null });
    await review().expect(404);
  });
});

function outcomeOf(response: { status: number; body: { code?: string } }): Outcome | number {
  if (response.status === 403 && response.body.code === 'auth.forbidden') return 403;
  if (response.status === 404 && /\.not_found$/.test(response.body.code ?? '')) return 404;
  // Past the guard: a success, or the domain's own refusal of this particular command.
  if (response.status < 300 || ([409, 422].includes(response.status) && !response.body.code?.startsWith('auth.'))) return 'allowed';
  return response.status;
}

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BODY_ID_FIELDS, NETWORK_ENDPOINTS, nowhere, OpenResources } from './support/endpoints';
import { ForeignIds, networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

/** One network never sees another's data, nor learns that it exists. */
describe('two networks', () => {
  let api: TestApi;
  let kalk: NetworkFixture;
  let viersen: NetworkFixture;
  let kalkCoordinator: string;
  let db: Client;
  /** Kalk's resources that a body id may be tried on: a meeting not yet held, a Leitbild draft (and a reviewed goal, a prioritised item). */
  let open: OpenResources;
  /** Viersen's ids that Kalk's requests name, and ids that exist nowhere in their place. */
  let foreign: ForeignIds;
  let missing: ForeignIds;

  beforeAll(async () => {
    api = await startTestApi();
    kalk = await networkWithGoals(api);
    viersen = await networkWithGoals(api);
    kalkCoordinator = await api.tokenFor({ userId: 'u-kalk', roles: [`coordinator@${kalk.networkId}`] });
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    const post = (path: string, body: object) => api.http().post(`/api/v1${path}`).send(body).expect((res) => {
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    });
    const topicId = (await post(`/meetings/${(await post(`/bodies/${viersen.bodyId}/meetings`, { scheduledFor: '2026-06-01', title: 'Sitzung' })).body.id}/topics`, {
      title: 'Thema aus Viersen',
      description: '',
      proposedOn: '2026-05-01',
    })).body.id;
    foreign = { ...viersen, topicId };
    missing = { ...nowhere(), topicId: randomUUID() };
    const meetingId = (await post(`/bodies/${kalk.bodyId}/meetings`, { scheduledFor: '2026-06-01', title: 'Sitzung' })).body.id;
    const leitbildVersion = (await post(`/networks/${kalk.networkId}/leitbild/versions`, { vision: 'Neu.', principles: [{ key: 'P1', text: 'Mit.' }], draftedOn: '2026-03-01' })).body
      .leitbildVersion;
    await post(`/goals/${kalk.operationalId}/reviews`, { reviewedOn: '2026-03-02', assessment: 'on_track', evidence: 'Protokoll' });
    await post(`/assessments/${kalk.assessmentId}/priorities`, { itemKey: 'network.goals.review_system', prioritisedOn: '2026-03-01', note: '' });
    open = { meetingId, leitbildVersion };
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

  for (const field of BODY_ID_FIELDS) {
    it(`${field.route} with ${field.field} of another network: 404 like an id that does not exist, nothing written`, async () => {
      const before = await stored();
      const sendNaming = (ids: ForeignIds) =>
        api.anonymous().post(field.path(kalk, open)).auth(kalkCoordinator, { type: 'bearer' }).send(field.body(kalk, ids, open));
      const named = await sendNaming(foreign);
      const unknown = await sendNaming(missing);
      expect({ status: named.status, code: named.body.code }).toEqual({ status: 404, code: field.code });
      expect(shape(named.body)).toEqual(shape(unknown.body));
      expect(named.body.detail.replace(/[0-9a-f-]{36}/g, '…')).toBe(unknown.body.detail.replace(/[0-9a-f-]{36}/g, '…'));
      expect(await stored()).toBe(before);
    });
  }

  it('still lets the coordinator work in their own network', async () => {
    for (const endpoint of NETWORK_ENDPOINTS.filter((candidate) => candidate.method === 'get')) {
      await send(endpoint, kalk).expect(200);
    }
  });
});

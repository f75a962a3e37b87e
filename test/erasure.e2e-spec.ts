import { Client } from 'pg';
import { ProjectionRunner } from '@kreislauf/read-models';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

/** `POST /people/:id/erasure`: the key goes, the events stay as they were, reads show the data as erased. */
describe('erasure of personal data', () => {
  let api: TestApi;
  let db: Client;
  let fixture: NetworkFixture;
  let elsewhere: NetworkFixture;

  const post = (path: string, body: object) => api.http().post(`/api/v1${path}`).send(body);
  const get = (path: string) => api.http().get(`/api/v1${path}`);
  const request = { erasedOn: '2026-11-25', reason: 'Antrag nach Art. 17 DSGVO vom 20.11.2026' };
  const organisation = (name: string) => ({ name, sector: 'day_care', namedInKkg: false, tasks: '', mandates: '', roles: '', resources: '', limits: '' });
  const storedEvents = async () => (await db.query(`SELECT event_id, data::text AS data FROM events ORDER BY global_position`)).rows;

  beforeAll(async () => {
    api = await startTestApi();
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    fixture = await networkWithGoals(api);
    elsewhere = await networkWithGoals(api);
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  it('names the same person again under their id, so that one erasure reaches every mention', async () => {
    const renamed = await post(`/organisations/${fixture.organisationId}/descriptions`, {
      name: 'Familienzentrum Kalk',
      sector: 'day_care',
      namedInKkg: false,
      tasks: '',
      mandates: '',
      roles: '',
      resources: '',
      limits: '',
      contactPerson: { personId: fixture.personId, name: 'Petra Beispiel', email: 'petra.beispiel@example.org' },
      describedOn: '2026-03-01',
    }).expect(200);
    const organisation = await get(`/organisations/${fixture.organisationId}?after=${renamed.body.position}`).expect(200);
    expect(organisation.body.contactPerson).toEqual({ personId: fixture.personId, erased: false, name: 'Petra Beispiel', email: 'petra.beispiel@example.org', phone: null });
    const { rows } = await db.query(`SELECT count(*) AS n FROM events WHERE data -> 'contactPerson' ->> 'personId' = $1`, [fixture.personId]);
    expect(Number(rows[0].n)).toBe(2);
  });

  it('does not let another network name a person of this one', async () => {
    const response = await post(`/networks/${elsewhere.networkId}/organisations`, {
      name: 'Kita Anderswo',
      sector: 'day_care',
      namedInKkg: false,
      tasks: '',
      mandates: '',
      roles: '',
      resources: '',
      limits: '',
      contactPerson: { personId: fixture.personId, name: 'Jemand' },
      joinedOn: '2026-01-10',
    });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'person.not_found' });
  });

  describe('a person sealed before networks were kept (no network on their key)', () => {
    let personId: string;
    let organisationId: string;
    let outsider: string;
    const sendAs = (token: string, path: string, body: object) => api.anonymous().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);
    const networkOfKey = async () => (await db.query(`SELECT network_id FROM personal_data_keys WHERE person_id = $1`, [personId])).rows[0].network_id;

    beforeAll(async () => {
      const joined = await post(`/networks/${fixture.networkId}/organisations`, { ...organisation('Kita Altbestand'), contactPerson: { name: 'Olga Altbestand' }, joinedOn: '2010-01-01' }).expect(201);
      organisationId = joined.body.id;
      personId = (await get(`/organisations/${organisationId}?after=${joined.body.position}`).expect(200)).body.contactPerson.personId;
      await db.query(`UPDATE personal_data_keys SET network_id = NULL WHERE person_id = $1`, [personId]);
      outsider = await api.tokenFor({ userId: 'u-other', roles: [`coordinator@${elsewhere.networkId}`] });
    });

    it('cannot be named by another network: 404 wherever a person goes, nothing written, the key still of no network', async () => {
      const events = await storedEvents();
      const named = { personId, name: 'Olga' };
      const attempts = [
        sendAs(outsider, `/networks/${elsewhere.networkId}/organisations`, { ...organisation('Kita Anderswo'), contactPerson: named, joinedOn: '2026-01-10' }),
        sendAs(outsider, `/organisations/${elsewhere.organisationId}/descriptions`, { ...organisation('Familienzentrum'), contactPerson: named, describedOn: '2026-03-01' }),
        sendAs(outsider, `/networks/${elsewhere.networkId}/bodies`, {
          kind: 'working_group',
          name: 'Arbeitskreis',
          meetingsPerYear: 4,
          members: [{ organisationId: elsewhere.organisationId, representative: named }],
          establishedOn: '2026-01-10',
        }),
        sendAs(outsider, `/bodies/${elsewhere.bodyId}/members`, { members: [{ organisationId: elsewhere.organisationId, representative: named }], changedOn: '2026-03-01' }),
        sendAs(outsider, `/bodies/${elsewhere.bodyId}/meetings`, { scheduledFor: '2026-05-01', title: 'Sitzung', contactPerson: named }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'person.not_found' });
      }
      expect(await storedEvents()).toEqual(events);
      expect(await networkOfKey()).toBeNull();
    });

    it('cannot be erased by a network’s coordinator, and is erased by an administrator', async () => {
      const events = await storedEvents();
      const coordinator = await api.tokenFor({ userId: 'u-own', roles: [`coordinator@${fixture.networkId}`] });
      for (const token of [outsider, coordinator]) {
        const refused = await sendAs(token, `/people/${personId}/erasure`, request);
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 404, code: 'person.not_found' });
      }
      expect(await storedEvents()).toEqual(events);

      const admin = await api.tokenFor({ userId: 'u-admin', roles: ['admin'] });
      const erased = await sendAs(admin, `/people/${personId}/erasure`, request);
      expect({ status: erased.status, body: erased.body }).toMatchObject({ status: 200, body: { id: personId, version: 0 } });
      const { rows } = await db.query(`SELECT data, metadata FROM events WHERE stream_id = $1`, [`person-${personId}`]);
      expect(rows).toMatchObject([{ data: { personId, networkId: null }, metadata: { networkId: '', actor: { userId: 'u-admin', role: 'admin' }, reason: request.reason } }]);
      const read = await get(`/organisations/${organisationId}?after=${erased.body.position}`).expect(200);
      expect(read.body.contactPerson).toEqual({ personId, erased: true });
    });
  });

  it('lets only the coordinator of the person’s network or an administrator erase, and hides other networks’ people', async () => {
    const events = await storedEvents();
    for (const role of ['steering', 'member', 'funder']) {
      const token = await api.tokenFor({ userId: `u-${role}`, roles: [`${role}@${fixture.networkId}`] });
      const response = await api.anonymous().post(`/api/v1/people/${fixture.personId}/erasure`).auth(token, { type: 'bearer' }).send(request);
      expect({ role, status: response.status }).toEqual({ role, status: 403 });
    }
    const outsider = await api.tokenFor({ userId: 'u-out', roles: [`coordinator@${elsewhere.networkId}`] });
    const hidden = await api.anonymous().post(`/api/v1/people/${fixture.personId}/erasure`).auth(outsider, { type: 'bearer' }).send(request);
    const unknown = await post(`/people/0b0e0000-0000-4000-8000-00000000ffff/erasure`, request);
    expect([hidden.status, hidden.body.code, unknown.status, unknown.body.code]).toEqual([404, 'person.not_found', 404, 'person.not_found']);
    await post(`/people/${fixture.personId}/erasure`, { erasedOn: '2026-11-25' }).expect(400);
    expect(await storedEvents()).toEqual(events);
  });

  it('erases: reads show the data as erased, every earlier event stays byte for byte, and the erasure is on record', async () => {
    const before = await storedEvents();
    const erased = await post(`/people/${fixture.personId}/erasure`, request).expect(200);
    expect(erased.body).toMatchObject({ id: fixture.personId, version: 0 });

    const after = await storedEvents();
    expect(after.slice(0, before.length)).toEqual(before);
    const { rows } = await db.query(`SELECT type, stream_id, data, metadata FROM events WHERE global_position = (SELECT max(global_position) FROM events)`);
    expect(rows[0]).toMatchObject({
      type: 'PersonalDataErased',
      stream_id: `person-${fixture.personId}`,
      data: { personId: fixture.personId, networkId: fixture.networkId, erasedOn: '2026-11-25' },
      metadata: { reason: request.reason, actor: { role: 'coordinator' } },
    });

    const organisation = await get(`/organisations/${fixture.organisationId}`).expect(200);
    expect(organisation.body.contactPerson).toEqual({ personId: fixture.personId, erased: true });
    expect(organisation.body.descriptions.map((description: { contactPerson: unknown }) => description.contactPerson)).toEqual([
      { personId: fixture.personId, erased: true },
      { personId: fixture.personId, erased: true },
    ]);
    // The body's representative was another person (named without an id): untouched.
    const body = await get(`/bodies/${fixture.bodyId}`).expect(200);
    expect(JSON.stringify(body.body)).toContain('Petra Beispiel');
  });

  it('refuses a second erasure and a new mention under the erased id, changing nothing', async () => {
    const events = await storedEvents();
    const again = await post(`/people/${fixture.personId}/erasure`, request);
    expect([again.status, again.body.code]).toEqual([409, 'person.erased']);
    const mention = await post(`/bodies/${fixture.bodyId}/meetings`, { scheduledFor: '2026-12-01', title: 'Sitzung', contactPerson: { personId: fixture.personId, name: 'Petra' } });
    expect([mention.status, mention.body.code]).toEqual([409, 'person.erased']);
    expect(await storedEvents()).toEqual(events);
  });

  it('leaves every hash chain of the network intact: the sealed data in the events never changed', async () => {
    const verified = await get(`/networks/${fixture.networkId}/audit/verify`).expect(200);
    expect(verified.body).toMatchObject({ ok: true, firstBrokenLink: null });
    expect(verified.body.checkedEvents).toBeGreaterThan(10);
  });

  it('still rebuilds every projection from the events, and the rebuilt reads show the data as erased', async () => {
    const runner = api.app.get(ProjectionRunner);
    for (const projection of runner.projections) await runner.rebuild(projection.name);
    const organisation = await get(`/organisations/${fixture.organisationId}`).expect(200);
    expect(organisation.body.contactPerson).toEqual({ personId: fixture.personId, erased: true });
    expect((await get(`/goals/${fixture.operationalId}/history`).expect(200)).body.items.length).toBeGreaterThan(0);
  });
});

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startTestApi, TestApi } from './support/test-api';

type Reply = { status: number; body: Record<string, unknown>; headers: Record<string, string> };

/** The offer landscape over HTTP: list, revise and withdraw offers, read them and the life phase × district matrix. */
describe('offer landscape over HTTP', () => {
  let api: TestApi;
  let db: Client;

  beforeAll(async () => {
    api = await startTestApi();
    db = new Client({ connectionString: api.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const post = (path: string, body: unknown) => api.http().post(`/api/v1${path}`).send(body as object);
  const get = (path: string) => api.http().get(`/api/v1${path}`);
  const eventCount = async () => Number((await db.query('SELECT count(*) AS n FROM events')).rows[0].n);
  const succeeded = (path: string) => (res: { status: number; body: unknown }) => {
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };

  /** A network of Köln-Kalk's three districts, with the test user as its coordinator. */
  async function aNetwork(): Promise<string> {
    const network = await post('/networks', {
      name: 'Kalker Netzwerk für Familien',
      region: 'Köln',
      responsibleBody: 'Jugendamt Köln',
      municipalities: ['Höhenberg', 'Vingst', 'Kalk'],
      registeredOn: '2010-01-01',
    }).expect(201);
    await api.grant('coordinator', network.body.id);
    return network.body.id;
  }

  async function joinOrganisation(networkId: string, name: string): Promise<string> {
    const path = `/networks/${networkId}/organisations`;
    const joined = await post(path, {
      name,
      sector: 'day_care',
      namedInKkg: false,
      tasks: '',
      mandates: '',
      roles: '',
      resources: '',
      limits: '',
      contactPerson: null,
      joinedOn: '2020-01-01',
    }).expect(succeeded(path));
    return joined.body.id;
  }

  async function leave(organisationId: string): Promise<void> {
    const path = `/organisations/${organisationId}/departure`;
    await post(path, { leftOn: '2026-01-31', reason: 'Träger hat den Standort aufgegeben' }).expect(succeeded(path));
  }

  const offer = (providerOrganisationId: string, overrides: Record<string, unknown> = {}) => ({
    title: 'Elterncafé im Familienzentrum',
    description: 'Offener Treff für Eltern mit Kindern bis drei Jahre.',
    providerOrganisationId,
    lifePhases: ['age_0_3'],
    districts: ['Kalk'],
    targetGroups: ['Alleinerziehende'],
    startsOn: '2026-03-01',
    endsOn: null,
    listedOn: '2026-02-15',
    ...overrides,
  });
  const { listedOn: _listedOn, ...revisionOf } = offer('');

  async function listOffer(networkId: string, body: object): Promise<{ id: string; position: string }> {
    const listed = await post(`/networks/${networkId}/offers`, body).expect(succeeded(`/networks/${networkId}/offers`));
    return listed.body;
  }

  /** Runs the request and checks the problem's status and code, and that the store did not change. */
  async function expectProblem(send: () => PromiseLike<Reply>, status: number, code: string): Promise<Reply> {
    const before = await eventCount();
    const response = await send();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: `https://kreislauf.app/problems/${code}`, status });
    expect(await eventCount()).toBe(before);
    return response;
  }

  describe('an offer', () => {
    let networkId: string;
    let providerId: string;
    let otherProviderId: string;

    beforeAll(async () => {
      networkId = await aNetwork();
      providerId = await joinOrganisation(networkId, 'Familienzentrum Kalk');
      otherProviderId = await joinOrganisation(networkId, 'Caritas Köln');
    });

    it('is listed, revised, withdrawn, and read after each step', async () => {
      // listed
      const listed = await post(`/networks/${networkId}/offers`, offer(providerId, { endsOn: '2026-12-31' })).expect(201);
      expect(listed.body).toEqual({ id: expect.any(String), version: 0, position: expect.stringMatching(/^\d+\.\d+$/) });
      expect(listed.headers.etag).toBe('"0"');
      const offerId = listed.body.id;
      const read = await get(`/offers/${offerId}?after=${listed.body.position}`).expect(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toEqual({
        id: offerId,
        networkId,
        title: 'Elterncafé im Familienzentrum',
        description: 'Offener Treff für Eltern mit Kindern bis drei Jahre.',
        providerOrganisationId: providerId,
        lifePhases: ['age_0_3'],
        districts: ['Kalk'],
        targetGroups: ['Alleinerziehende'],
        startsOn: '2026-03-01',
        endsOn: '2026-12-31',
        status: 'listed',
        listedOn: '2026-02-15',
        revisedOn: null,
        withdrawnOn: null,
        withdrawalReason: null,
        version: 0,
      });

      // revised: another provider, two districts, no end
      const revised = await post(`/offers/${offerId}/revisions`, {
        ...revisionOf,
        providerOrganisationId: otherProviderId,
        districts: ['Kalk', 'Vingst'],
        revisedOn: '2026-04-01',
      }).expect(200);
      expect(revised.body).toMatchObject({ id: offerId, version: 1 });
      expect(revised.headers.etag).toBe('"1"');
      expect((await get(`/offers/${offerId}?after=${revised.body.position}`).expect(200)).body).toMatchObject({
        providerOrganisationId: otherProviderId,
        districts: ['Kalk', 'Vingst'],
        endsOn: null,
        revisedOn: '2026-04-01',
        status: 'listed',
      });

      // running on a day, and all not withdrawn
      const running = await get(`/networks/${networkId}/offers?on=2026-05-01&after=${revised.body.position}`).expect(200);
      expect(running.body.items.map((row: { id: string }) => row.id)).toContain(offerId);
      expect((await get(`/networks/${networkId}/offers?on=2026-02-28`).expect(200)).body.items.map((row: { id: string }) => row.id)).not.toContain(offerId);

      // withdrawn
      const withdrawn = await post(`/offers/${offerId}/withdrawal`, { withdrawnOn: '2026-06-30', reason: 'Die Förderung endet.' }).expect(200);
      expect(withdrawn.body).toMatchObject({ id: offerId, version: 2 });
      expect((await get(`/offers/${offerId}?after=${withdrawn.body.position}`).expect(200)).body).toMatchObject({
        status: 'withdrawn',
        withdrawnOn: '2026-06-30',
        withdrawalReason: 'Die Förderung endet.',
        version: 2,
      });
      const ids = async (query: string) => (await get(`/networks/${networkId}/offers${query}`).expect(200)).body.items.map((row: { id: string }) => row.id);
      expect(await ids('')).not.toContain(offerId);
      expect(await ids('?on=2026-06-29')).toContain(offerId);
      expect(await ids('?on=2026-06-30')).not.toContain(offerId);
    });

    it('refuses a revision and a second withdrawal once withdrawn, and changes nothing', async () => {
      const { id: offerId } = await listOffer(networkId, offer(providerId));
      await post(`/offers/${offerId}/withdrawal`, { withdrawnOn: '2026-03-31', reason: 'Doppelt eingetragen' }).expect(200);

      await expectProblem(() => post(`/offers/${offerId}/withdrawal`, { withdrawnOn: '2026-04-30', reason: 'noch einmal' }), 422, 'offer.withdrawn');
      await expectProblem(() => post(`/offers/${offerId}/revisions`, { ...revisionOf, providerOrganisationId: providerId, revisedOn: '2026-04-01' }), 422, 'offer.withdrawn');
    });
  });

  describe('the landscape', () => {
    let networkId: string;
    const ids: Record<string, string> = {};
    let position = '';

    /**
     * On 2026-05-01, in Höhenberg, Vingst and Kalk:
     * - Babylotsen: pregnancy and 0–3 in Vingst and Kalk, for single parents: running
     * - Elterncafé: 0–3 in Kalk, for "alleinerziehende " and immigrant families: running
     * - Hausaufgabenhilfe: primary school in all three districts, until the end of 2026: running
     * - Bewerbungstraining: transition to work in Kalk, from September: not yet running
     * - Kita-Einstieg: 3–6 in Höhenberg, withdrawn on 2026-04-15: no longer running
     * Covered: pregnancy × {Vingst, Kalk}, 0–3 × {Vingst, Kalk}, primary school × 3 = 7 of 18 cells, so 11 gaps;
     * one possible duplicate: Babylotsen and Elterncafé, both 0–3 in Kalk for single parents.
     */
    beforeAll(async () => {
      networkId = await aNetwork();
      const familienzentrum = await joinOrganisation(networkId, 'Familienzentrum Kalk');
      const caritas = await joinOrganisation(networkId, 'Caritas Köln');
      const list = async (name: string, body: object) => {
        const listed = await listOffer(networkId, body);
        ids[name] = listed.id;
        position = listed.position;
      };
      await list('babylotsen', offer(familienzentrum, { title: 'Babylotsen', lifePhases: ['pregnancy', 'age_0_3'], districts: ['Vingst', 'Kalk'], targetGroups: ['Alleinerziehende'] }));
      await list('elterncafe', offer(caritas, { title: 'Elterncafé', targetGroups: ['alleinerziehende ', 'Familien mit Zuwanderungsgeschichte'] }));
      await list('hausaufgaben', offer(familienzentrum, { title: 'Hausaufgabenhilfe', lifePhases: ['primary_school'], districts: ['Höhenberg', 'Vingst', 'Kalk'], targetGroups: ['Familien'], endsOn: '2026-12-31' }));
      await list('bewerbung', offer(caritas, { title: 'Bewerbungstraining', lifePhases: ['transition_to_work'], startsOn: '2026-09-01', targetGroups: ['Jugendliche'] }));
      await list('kita', offer(familienzentrum, { title: 'Kita-Einstieg', lifePhases: ['age_3_6'], districts: ['Höhenberg'], targetGroups: ['Familien'] }));
      const withdrawn = await post(`/offers/${ids.kita}/withdrawal`, { withdrawnOn: '2026-04-15', reason: 'Keine Fachkraft mehr' }).expect(200);
      position = withdrawn.body.position;
    });

    it('shows life phases × districts with the offers running on the day, the gaps and the possible duplicates', async () => {
      const { body } = await get(`/networks/${networkId}/offer-landscape?on=2026-05-01&after=${position}`).expect(200);

      expect(body).toMatchObject({ networkId, on: '2026-05-01', districts: ['Höhenberg', 'Vingst', 'Kalk'] });
      expect(body.lifePhases[0]).toEqual({ key: 'pregnancy', de: 'Schwangerschaft', en: 'Pregnancy' });
      const titles = Object.fromEntries(
        body.rows.flatMap((row: { lifePhase: { key: string }; cells: { district: string; offers: { title: string }[] }[] }) =>
          row.cells.map((cell) => [`${row.lifePhase.key}/${cell.district}`, cell.offers.map((o) => o.title)]),
        ),
      );
      expect(titles).toEqual({
        'pregnancy/Höhenberg': [],
        'pregnancy/Vingst': ['Babylotsen'],
        'pregnancy/Kalk': ['Babylotsen'],
        'age_0_3/Höhenberg': [],
        'age_0_3/Vingst': ['Babylotsen'],
        'age_0_3/Kalk': ['Babylotsen', 'Elterncafé'],
        'age_3_6/Höhenberg': [],
        'age_3_6/Vingst': [],
        'age_3_6/Kalk': [],
        'primary_school/Höhenberg': ['Hausaufgabenhilfe'],
        'primary_school/Vingst': ['Hausaufgabenhilfe'],
        'primary_school/Kalk': ['Hausaufgabenhilfe'],
        'secondary_school/Höhenberg': [],
        'secondary_school/Vingst': [],
        'secondary_school/Kalk': [],
        'transition_to_work/Höhenberg': [],
        'transition_to_work/Vingst': [],
        'transition_to_work/Kalk': [],
      });
      expect(body.gaps).toHaveLength(11);
      expect(body.gaps).toContainEqual({ lifePhase: 'age_3_6', district: 'Höhenberg' });
      expect(body.gaps).toContainEqual({ lifePhase: 'transition_to_work', district: 'Kalk' });
      expect(body.duplicates).toEqual([
        {
          lifePhase: 'age_0_3',
          district: 'Kalk',
          targetGroup: 'Alleinerziehende',
          offers: [
            { id: ids.babylotsen, title: 'Babylotsen', providerOrganisationId: expect.any(String) },
            { id: ids.elterncafe, title: 'Elterncafé', providerOrganisationId: expect.any(String) },
          ],
        },
      ]);
      expect(body.summary).toEqual({ offers: 3, cells: 18, coveredCells: 7, gaps: 11, duplicates: 1 });
    });

    it('shows another day: before the withdrawal the Kita offer still fills its cell', async () => {
      const { body } = await get(`/networks/${networkId}/offer-landscape?on=2026-04-14&after=${position}`).expect(200);

      expect(body.rows[2].cells[0]).toEqual({ district: 'Höhenberg', offers: [expect.objectContaining({ id: ids.kita })] });
      expect(body.summary).toEqual({ offers: 4, cells: 18, coveredCells: 8, gaps: 10, duplicates: 1 });
    });

    it('is today’s by default', async () => {
      const { body } = await get(`/networks/${networkId}/offer-landscape?after=${position}`).expect(200);

      expect(body.on).toBe(new Date().toISOString().slice(0, 10));
      expect(body.summary.cells).toBe(18);
    });

    it('lists the offers running on the day, and without a day all that are not withdrawn', async () => {
      const titles = async (query: string) => (await get(`/networks/${networkId}/offers${query}`).expect(200)).body.items.map((row: { title: string }) => row.title);

      expect(await titles(`?on=2026-05-01&after=${position}`)).toEqual(['Babylotsen', 'Elterncafé', 'Hausaufgabenhilfe']);
      expect(await titles('')).toEqual(['Babylotsen', 'Bewerbungstraining', 'Elterncafé', 'Hausaufgabenhilfe']);
    });
  });

  describe('refused requests', () => {
    let networkId: string;
    let providerId: string;
    let offerId: string;

    beforeAll(async () => {
      networkId = await aNetwork();
      providerId = await joinOrganisation(networkId, 'Familienzentrum Kalk');
      offerId = (await listOffer(networkId, offer(providerId))).id;
    });

    it('400 names the invalid fields', async () => {
      const response = await expectProblem(
        () =>
          post(`/networks/${networkId}/offers`, {
            ...offer('not-a-uuid'),
            title: '',
            lifePhases: ['retirement'],
            districts: [],
            targetGroups: ['  '],
            endsOn: '2026-02-30',
          }),
        400,
        'validation.failed',
      );
      const fields = (response.body.errors as unknown as { field: string }[]).map((error) => error.field).sort();
      expect(fields).toEqual(['districts', 'endsOn', 'lifePhases', 'providerOrganisationId', 'targetGroups', 'title']);
    });

    it('400 for a withdrawal without its day, and for a malformed day to read', async () => {
      const response = await expectProblem(() => post(`/offers/${offerId}/withdrawal`, { reason: 'x' }), 400, 'validation.failed');
      expect((response.body.errors as unknown as { field: string }[]).map((error) => error.field)).toEqual(['withdrawnOn']);
      await expectProblem(() => get(`/networks/${networkId}/offer-landscape?on=2026-13-01`), 400, 'validation.failed');
    });

    it('422 for a provider that has left the network', async () => {
      const leaving = await joinOrganisation(networkId, 'Jugendtreff Vingst');
      await leave(leaving);

      await expectProblem(() => post(`/networks/${networkId}/offers`, offer(leaving)), 422, 'offer.provider_not_member');
      await expectProblem(() => post(`/offers/${offerId}/revisions`, { ...revisionOf, providerOrganisationId: leaving, revisedOn: '2026-04-01' }), 422, 'offer.provider_not_member');
    });

    it('404 for a provider that is no organisation of the network, as for one that does not exist', async () => {
      const elsewhere = await joinOrganisation(await aNetwork(), 'Stadtteilbüro Mülheim');

      await expectProblem(() => post(`/networks/${networkId}/offers`, offer(elsewhere)), 404, 'organisation.not_found');
      await expectProblem(() => post(`/networks/${networkId}/offers`, offer(randomUUID())), 404, 'organisation.not_found');
    });

    it('422 for a district that is not the network’s', async () => {
      await expectProblem(() => post(`/networks/${networkId}/offers`, offer(providerId, { districts: ['Kalk', 'Nippes'] })), 422, 'offer.unknown_district');
      await expectProblem(() => post(`/offers/${offerId}/revisions`, { ...revisionOf, providerOrganisationId: providerId, districts: ['Nippes'], revisedOn: '2026-04-01' }), 422, 'offer.unknown_district');
    });

    it('422 for the other rules of the decider', async () => {
      await expectProblem(() => post(`/networks/${networkId}/offers`, offer(providerId, { startsOn: '2026-05-01', endsOn: '2026-04-30' })), 422, 'offer.invalid_period');
      await expectProblem(() => post(`/networks/${networkId}/offers`, offer(providerId, { targetGroups: ['Familien', ' familien'] })), 422, 'offer.duplicate_entries');
      await expectProblem(() => post(`/offers/${offerId}/withdrawal`, { withdrawnOn: '2026-01-01', reason: 'zu früh' }), 422, 'offer.date_before_listing');
    });

    it('404 for an unknown offer, on reads and writes, and for an unknown network', async () => {
      const unknown = randomUUID();
      await expectProblem(() => get(`/offers/${unknown}`), 404, 'offer.not_found');
      await expectProblem(() => post(`/offers/${unknown}/revisions`, { ...revisionOf, providerOrganisationId: providerId, revisedOn: '2026-04-01' }), 404, 'offer.not_found');
      await expectProblem(() => post(`/offers/${unknown}/withdrawal`, { withdrawnOn: '2026-04-01', reason: 'x' }), 404, 'offer.not_found');
      await expectProblem(() => get(`/networks/${unknown}/offer-landscape`), 404, 'network.not_found');
      await expectProblem(() => get(`/networks/${unknown}/offers`), 404, 'network.not_found');
    });
  });
});

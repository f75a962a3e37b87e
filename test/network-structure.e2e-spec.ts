import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startTestApi, TestApi } from './support/test-api';

/** Organisations, bodies, meetings and decisions of a network over HTTP, with personal data sealed in the events. */
describe('network structure over HTTP', () => {
  let api: TestApi;
  let db: Client;
  let networkId: string;

  const post = (path: string, body: unknown) => api.http().post(`/api/v1${path}`).send(body as object);
  const get = (path: string) => api.http().get(`/api/v1${path}`);
  const eventCount = async () => Number((await db.query('SELECT count(*) AS n FROM events')).rows[0].n);

  /** Runs the request, checks the problem's status and code, and that the store did not change. */
  async function expectProblem(send: () => PromiseLike<{ status: number; body: Record<string, unknown> }>, status: number, code: string) {
    const before = await eventCount();
    const response = await send();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.body).toMatchObject({ type: `https://kreislauf.app/problems/${code}`, status });
    expect(await eventCount()).toBe(before);
    return response;
  }
  const fieldsOf = (response: { body: Record<string, unknown> }) => (response.body.errors as { field: string }[]).map((error) => error.field).sort();

  const maria = { name: 'Maria Schmitz', email: 'maria.schmitz@kita-sonnenschein.example', phone: '0221 123456' };
  const jonas = { name: 'Jonas Becker', email: 'jonas.becker@jugendamt.example' };
  const petra = { name: 'Petra Wolff', phone: '0221 98765' };
  const organisation = (name: string, overrides: Record<string, unknown> = {}) => ({
    name,
    sector: 'day_care',
    namedInKkg: false,
    tasks: 'Betreuung von Kindern von 1 bis 6 Jahren',
    mandates: 'SGB VIII § 22',
    roles: 'Anlaufstelle im Quartier',
    resources: 'Zwei Fachkräfte für Familienarbeit',
    limits: '',
    joinedOn: '2026-01-10',
    ...overrides,
  });

  let kita: string;
  let jugendamt: string;
  let schule: string;
  let steering: string;
  let workingGroup: string;
  let meeting: string;
  let topic: string;
  let decision: string;

  beforeAll(async () => {
    api = await startTestApi();
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    const network = await post('/networks', { name: 'Kalker Netzwerk für Familien', region: 'Köln', responsibleBody: 'Jugendamt Köln', municipalities: ['Köln'], registeredOn: '2010-01-01' }).expect(201);
    networkId = network.body.id;
    await api.grant('coordinator', networkId);
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  describe('organisations', () => {
    it('joins organisations and shows the contact person opened, while the stored event holds it sealed', async () => {
      const joined = await post(`/networks/${networkId}/organisations`, organisation('Kita Sonnenschein', { namedInKkg: true, contactPerson: maria })).expect(201);
      expect(joined.body).toEqual({ id: expect.any(String), version: 0, position: expect.stringMatching(/^\d+\.\d+$/) });
      expect(joined.headers.etag).toBe('"0"');
      kita = joined.body.id;
      jugendamt = (await post(`/networks/${networkId}/organisations`, organisation('Jugendamt Köln', { sector: 'youth_welfare', namedInKkg: true })).expect(201)).body.id;
      const last = await post(`/networks/${networkId}/organisations`, organisation('Grundschule Kalk', { sector: 'school', joinedOn: '2026-02-01' })).expect(201);
      schule = last.body.id;

      const { rows } = await db.query(`SELECT type, data::text AS data, data -> 'contactPerson' AS contact FROM events WHERE stream_id = $1`, [`organisation-${kita}`]);
      expect(rows).toEqual([{ type: 'OrganisationJoined', data: expect.any(String), contact: { personId: expect.any(String), sealed: expect.any(String) } }]);
      for (const secret of [maria.name, maria.email, maria.phone, 'Schmitz']) expect(rows[0].data).not.toContain(secret);
      expect(JSON.parse(rows[0].data)).toMatchObject({ networkId, name: 'Kita Sonnenschein', sector: 'day_care', namedInKkg: true, joinedOn: '2026-01-10' });

      const read = await get(`/organisations/${kita}?after=${last.body.position}`).expect(200);
      expect(read.body).toMatchObject({
        id: kita,
        networkId,
        name: 'Kita Sonnenschein',
        sector: { key: 'day_care', de: 'Kindertagesbetreuung', en: 'Day care' },
        namedInKkg: true,
        contactPerson: { personId: rows[0].contact.personId, erased: false, ...maria },
        joinedOn: '2026-01-10',
        leftOn: null,
      });
      expect(read.headers.etag).toBe('"0"');
    });

    it('describes an organisation anew and shows each day’s description in the overview', async () => {
      const described = await post(`/organisations/${kita}/descriptions`, {
        ...organisation('Familienzentrum Sonnenschein', { namedInKkg: true, contactPerson: maria, tasks: 'Betreuung, Sprachförderung, Elterncafé' }),
        joinedOn: undefined,
        describedOn: '2026-03-01',
      }).expect(200);
      expect(described.body).toMatchObject({ id: kita, version: 1 });

      const before = await get(`/networks/${networkId}/organisations?on=2026-01-20&after=${described.body.position}`).expect(200);
      expect(before.body.on).toBe('2026-01-20');
      expect(before.body.items.map((o: { name: string }) => o.name)).toEqual(['Jugendamt Köln', 'Kita Sonnenschein']);

      const after = await get(`/networks/${networkId}/organisations?on=2026-03-15`).expect(200);
      const familienzentrum = after.body.items.find((o: { id: string }) => o.id === kita);
      expect(familienzentrum).toMatchObject({
        name: 'Familienzentrum Sonnenschein',
        tasks: 'Betreuung, Sprachförderung, Elterncafé',
        describedSince: '2026-03-01',
        contactPerson: { erased: false, name: maria.name },
        sector: { key: 'day_care', de: 'Kindertagesbetreuung' },
      });
      expect(after.body.items).toHaveLength(3);
    });
  });

  describe('bodies', () => {
    it('establishes bodies with representatives and shows them in the overviews', async () => {
      const established = await post(`/networks/${networkId}/bodies`, {
        kind: 'steering_group',
        name: 'Steuerungsgruppe',
        meetingsPerYear: 5,
        members: [{ organisationId: kita, representative: petra }, { organisationId: jugendamt, representative: jonas }],
        establishedOn: '2026-02-01',
      }).expect(201);
      steering = established.body.id;
      const group = await post(`/networks/${networkId}/bodies`, {
        kind: 'working_group',
        name: 'AK Kitas',
        meetingsPerYear: 4,
        members: [{ organisationId: kita }],
        establishedOn: '2026-02-15',
      }).expect(201);
      workingGroup = group.body.id;

      const bodies = await get(`/networks/${networkId}/bodies?on=2026-03-01&after=${group.body.position}`).expect(200);
      expect(bodies.body.items.map((body: { name: string }) => body.name)).toEqual(['Steuerungsgruppe', 'AK Kitas']);
      expect(bodies.body.items[0]).toMatchObject({
        id: steering,
        kind: 'steering_group',
        meetingsPerYear: 5,
        members: [
          { organisationId: kita, organisationName: 'Familienzentrum Sonnenschein', representative: { erased: false, ...petra } },
          { organisationId: jugendamt, organisationName: 'Jugendamt Köln', representative: { erased: false, ...jonas } },
        ],
        // a month old: 5 a year pro-rated is less than one meeting due
        cadence: { held: 0, expected: 0, belowCadence: false, windowFrom: '2026-02-01', windowTo: '2026-03-01' },
      });

      const organisations = await get(`/networks/${networkId}/organisations?on=2026-03-01`).expect(200);
      const kitaSeats = organisations.body.items.find((o: { id: string }) => o.id === kita).bodies;
      expect(kitaSeats).toEqual([
        { bodyId: workingGroup, kind: 'working_group', name: 'AK Kitas', representative: null },
        { bodyId: steering, kind: 'steering_group', name: 'Steuerungsgruppe', representative: { personId: expect.any(String), erased: false, email: null, ...petra } },
      ]);

      const { rows } = await db.query(`SELECT data::text AS data FROM events WHERE stream_id = $1`, [`body-${steering}`]);
      for (const secret of [petra.name, petra.phone, jonas.name, jonas.email]) expect(rows[0].data).not.toContain(secret);
    });

    it('changes the members and dissolves a working group', async () => {
      const changed = await post(`/bodies/${steering}/members`, {
        members: [{ organisationId: kita, representative: petra }, { organisationId: jugendamt, representative: jonas }, { organisationId: schule }],
        changedOn: '2026-04-01',
      }).expect(200);
      expect(changed.body).toMatchObject({ id: steering, version: 1 });
      const dissolved = await post(`/bodies/${workingGroup}/dissolution`, { dissolvedOn: '2026-05-01', reason: 'Auftrag erfüllt' }).expect(200);

      const body = await get(`/bodies/${steering}?after=${dissolved.body.position}`).expect(200);
      expect(body.body.members.map((member: { organisationId: string }) => member.organisationId)).toEqual([kita, jugendamt, schule]);
      expect(body.body.memberHistory.map((entry: { since: string }) => entry.since)).toEqual(['2026-02-01', '2026-04-01']);
      expect(body.headers.etag).toBe('"1"');
      expect((await get(`/bodies/${workingGroup}`).expect(200)).body).toMatchObject({ dissolvedOn: '2026-05-01', dissolvedReason: 'Auftrag erfüllt' });

      const onMarch = await get(`/networks/${networkId}/bodies?on=2026-03-15`).expect(200);
      expect(onMarch.body.items.find((b: { id: string }) => b.id === steering).members).toHaveLength(2);
      const onJune = await get(`/networks/${networkId}/bodies?on=2026-06-01`).expect(200);
      expect(onJune.body.items.map((b: { id: string }) => b.id)).toEqual([steering]);
    });
  });

  describe('meetings and decisions', () => {
    it('schedules a meeting, collects a topic, records attendance and a decision', async () => {
      const scheduled = await post(`/bodies/${steering}/meetings`, { scheduledFor: '2026-04-20', title: 'Steuerungsgruppe April', contactPerson: jonas }).expect(201);
      meeting = scheduled.body.id;
      const proposed = await post(`/meetings/${meeting}/topics`, { title: 'Ziele 2026', description: 'Entwurf der AG', proposedByOrganisationId: kita, proposedOn: '2026-04-10' }).expect(201);
      topic = proposed.body.id;
      expect(proposed.body).toMatchObject({ version: 1 });
      await post(`/meetings/${meeting}/attendance`, { heldOn: '2026-04-20', attendance: [kita, jugendamt] }).expect(200);
      const decided = await post(`/meetings/${meeting}/decisions`, { text: 'Die Ziele 2026 werden beschlossen.', subject: 'goal_definition', topicId: topic }).expect(201);
      decision = decided.body.id;
      expect(decided.body).toEqual({ id: expect.any(String), version: 3, position: expect.any(String) });
      const second = await post(`/meetings/${meeting}/decisions`, { text: 'Nächste Sitzung im Juni.', subject: 'other' }).expect(201);

      const read = await get(`/meetings/${meeting}?after=${second.body.position}`).expect(200);
      expect(read.body).toMatchObject({
        id: meeting,
        body: { id: steering, kind: 'steering_group', name: 'Steuerungsgruppe' },
        title: 'Steuerungsgruppe April',
        scheduledFor: '2026-04-20',
        status: 'held',
        heldOn: '2026-04-20',
        contactPerson: { erased: false, ...jonas },
        topics: [{ topicId: topic, title: 'Ziele 2026', proposedByOrganisationId: kita, proposedByOrganisationName: 'Familienzentrum Sonnenschein' }],
        attendance: [
          { organisationId: kita, organisationName: 'Familienzentrum Sonnenschein' },
          { organisationId: jugendamt, organisationName: 'Jugendamt Köln' },
        ],
        decisions: [
          { decisionId: decision, subject: 'goal_definition', topicId: topic, decidedOn: '2026-04-20' },
          { subject: 'other', topicId: null, decidedOn: '2026-04-20' },
        ],
      });
      const { rows } = await db.query(`SELECT data::text AS data FROM events WHERE stream_id = $1 AND type = 'MeetingScheduled'`, [`meeting-${meeting}`]);
      expect(rows[0].data).not.toContain(jonas.name);

      const body = await get(`/bodies/${steering}`).expect(200);
      expect(body.body.meetings).toEqual([{ id: meeting, title: 'Steuerungsgruppe April', scheduledFor: '2026-04-20', heldOn: '2026-04-20', topics: 1, decisions: 2 }]);
    });

    it('shows an erased contact person as erased, while the event stays as it was', async () => {
      const { rows } = await db.query(`SELECT data -> 'contactPerson' ->> 'personId' AS person, data::text AS data FROM events WHERE stream_id = $1 AND type = 'MeetingScheduled'`, [`meeting-${meeting}`]);
      await db.query('DELETE FROM personal_data_keys WHERE person_id = $1', [rows[0].person]);

      expect((await get(`/meetings/${meeting}`).expect(200)).body.contactPerson).toEqual({ personId: rows[0].person, erased: true });
      const again = await db.query(`SELECT data::text AS data FROM events WHERE stream_id = $1 AND type = 'MeetingScheduled'`, [`meeting-${meeting}`]);
      expect(again.rows[0].data).toBe(rows[0].data);
    });

    it('lists decisions by period and subject', async () => {
      const all = await get(`/networks/${networkId}/decisions?from=2026-04-01&to=2026-04-30`).expect(200);
      expect(all.body.items).toHaveLength(2);
      const goals = await get(`/networks/${networkId}/decisions?subject=goal_definition`).expect(200);
      expect(goals.body.items).toEqual([
        { id: decision, meetingId: meeting, bodyId: steering, bodyName: 'Steuerungsgruppe', bodyKind: 'steering_group', decidedOn: '2026-04-20', text: 'Die Ziele 2026 werden beschlossen.', subject: 'goal_definition' },
      ]);
      expect((await get(`/networks/${networkId}/decisions?to=2026-03-31`).expect(200)).body).toEqual({ items: [], nextCursor: null });
    });

    it('checks the cadence over the twelve months up to the day', async () => {
      const onDay = await get(`/networks/${networkId}/bodies?on=2027-02-01`).expect(200);
      expect(onDay.body.items[0].cadence).toEqual({ windowFrom: '2026-02-02', windowTo: '2027-02-01', held: 1, expected: 5, belowCadence: true });
    });
  });

  describe('leaving', () => {
    it('lets an organisation leave and shows who joined and who left in a period', async () => {
      const left = await post(`/organisations/${jugendamt}/departure`, { leftOn: '2026-06-30', reason: 'Zuständigkeit gewechselt' }).expect(200);
      const changes = await get(`/networks/${networkId}/organisations/changes?from=2026-01-15&to=2026-12-31&after=${left.body.position}`).expect(200);
      expect(changes.body).toMatchObject({
        from: '2026-01-15',
        to: '2026-12-31',
        items: [
          { change: 'joined', id: schule, name: 'Grundschule Kalk', joinedOn: '2026-02-01', sector: { key: 'school' } },
          { change: 'left', id: jugendamt, name: 'Jugendamt Köln', leftOn: '2026-06-30', reason: 'Zuständigkeit gewechselt' },
        ],
        nextCursor: null,
      });
      expect(changes.body.items).toHaveLength(2);
      const overview = await get(`/networks/${networkId}/organisations?on=2026-07-01`).expect(200);
      expect(overview.body.items.map((o: { id: string }) => o.id)).not.toContain(jugendamt);
    });
  });

  describe('refused requests change nothing', () => {
    it('400 names every invalid field, nested ones too', async () => {
      const response = await expectProblem(
        () => post(`/networks/${networkId}/organisations`, { ...organisation(''), sector: 'space', namedInKkg: 'yes', limits: 'x'.repeat(2001), contactPerson: { name: 'A', email: 'no-mail', phone: '1'.repeat(51) }, joinedOn: '2026-02-30' }),
        400,
        'validation.failed',
      );
      expect(fieldsOf(response)).toEqual(['contactPerson.email', 'contactPerson.phone', 'joinedOn', 'limits', 'name', 'namedInKkg', 'sector']);

      const body = await expectProblem(
        () => post(`/networks/${networkId}/bodies`, { kind: 'committee', name: 'X', meetingsPerYear: 0, members: [{ organisationId: 'nope', representative: { name: '' } }], establishedOn: '2026-01-01' }),
        400,
        'validation.failed',
      );
      expect(fieldsOf(body)).toEqual(['kind', 'meetingsPerYear', 'members.0.organisationId', 'members.0.representative.name']);

      const decisionFields = await expectProblem(() => post(`/meetings/${meeting}/decisions`, { text: 'x', subject: 'lunch', topicId: 'x' }), 400, 'validation.failed');
      expect(fieldsOf(decisionFields)).toEqual(['subject', 'topicId']);
      const unknownField = await expectProblem(() => post(`/meetings/${meeting}/attendance`, { heldOn: '2026-04-20', attendance: [kita], contactPerson: maria }), 400, 'validation.failed');
      expect(fieldsOf(unknownField)).toEqual(['contactPerson']);
      await expectProblem(() => get(`/networks/${networkId}/organisations/changes?from=2026-05-01&to=2026-04-01`), 400, 'validation.failed');
    });

    it('422 for a rule', async () => {
      await expectProblem(() => post(`/organisations/${jugendamt}/descriptions`, { ...organisation('Jugendamt'), joinedOn: undefined, describedOn: '2026-07-01' }), 422, 'organisation.has_left');
      await expectProblem(() => post(`/organisations/${jugendamt}/departure`, { leftOn: '2026-07-01', reason: 'noch einmal' }), 422, 'organisation.has_left');
      await expectProblem(() => post(`/organisations/${kita}/descriptions`, { ...organisation('Kita'), joinedOn: undefined, describedOn: '2026-01-01' }), 422, 'organisation.date_too_early');
      await expectProblem(
        () => post(`/networks/${networkId}/bodies`, { kind: 'plenary', name: 'Plenum', meetingsPerYear: 4, members: [{ organisationId: jugendamt }], establishedOn: '2026-07-01' }),
        422,
        'body.invalid_member',
      );
      await expectProblem(
        () => post(`/networks/${networkId}/bodies`, { kind: 'plenary', name: 'Plenum', meetingsPerYear: 4, members: [{ organisationId: kita }, { organisationId: kita }], establishedOn: '2026-07-01' }),
        422,
        'body.invalid_member',
      );
      await expectProblem(() => post(`/bodies/${workingGroup}/dissolution`, { dissolvedOn: '2026-06-01', reason: 'noch einmal' }), 422, 'body.dissolved');
      await expectProblem(() => post(`/bodies/${workingGroup}/meetings`, { scheduledFor: '2026-06-01', title: 'AK' }), 422, 'body.dissolved');
      await expectProblem(() => post(`/bodies/${steering}/meetings`, { scheduledFor: '2026-01-01', title: 'Zu früh' }), 422, 'meeting.date_too_early');
      await expectProblem(() => post(`/meetings/${meeting}/attendance`, { heldOn: '2026-04-21', attendance: [kita] }), 422, 'meeting.already_held');
      await expectProblem(() => post(`/meetings/${meeting}/topics`, { title: 'Zu spät', description: '', proposedOn: '2026-04-19' }), 422, 'meeting.already_held');

      const next = (await post(`/bodies/${steering}/meetings`, { scheduledFor: '2026-06-10', title: 'Steuerungsgruppe Juni' }).expect(201)).body.id;
      await expectProblem(() => post(`/meetings/${next}/decisions`, { text: 'Zu früh', subject: 'other' }), 422, 'meeting.not_held');
      await expectProblem(() => post(`/meetings/${next}/topics`, { title: 'Zu spät', description: '', proposedOn: '2026-06-11' }), 422, 'meeting.topic_too_late');
      // An id of nothing (or of another network) is not found, unlike an organisation of the network that is no member.
      await expectProblem(() => post(`/meetings/${next}/attendance`, { heldOn: '2026-06-10', attendance: [randomUUID()] }), 404, 'organisation.not_found');
      await post(`/meetings/${next}/attendance`, { heldOn: '2026-06-10', attendance: [kita] }).expect(200);
      await expectProblem(() => post(`/meetings/${next}/decisions`, { text: 'Thema fremd', subject: 'other', topicId: topic }), 404, 'meeting.unknown_topic');
    });

    it('404 for what does not exist', async () => {
      await expectProblem(() => get(`/organisations/${randomUUID()}`), 404, 'organisation.not_found');
      await expectProblem(() => post(`/organisations/${randomUUID()}/departure`, { leftOn: '2026-07-01', reason: 'x' }), 404, 'organisation.not_found');
      await expectProblem(() => get(`/bodies/${randomUUID()}`), 404, 'body.not_found');
      await expectProblem(() => post(`/bodies/${randomUUID()}/meetings`, { scheduledFor: '2026-06-01', title: 'x' }), 404, 'body.not_found');
      await expectProblem(() => get(`/meetings/${randomUUID()}`), 404, 'meeting.not_found');
      await expectProblem(() => post(`/meetings/${randomUUID()}/topics`, { title: 'x', description: '', proposedOn: '2026-06-01' }), 404, 'meeting.not_found');
    });

    it('refuses roles outside the network like a missing resource', async () => {
      const other = (await post('/networks', { name: 'Anderes Netz', region: 'Viersen', responsibleBody: 'Kreisjugendamt', municipalities: ['Viersen'], registeredOn: '2016-01-01' }).expect(201)).body.id;
      await expectProblem(() => post(`/networks/${other}/organisations`, organisation('Fremd')), 404, 'network.not_found');
    });
  });
});

import { randomUUID } from 'node:crypto';
import { NZFH_FRAMEWORK_ID, NZFH_FRAMEWORK_V1 } from '@kreislauf/domain';
import { Client } from 'pg';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

/** Every error status as problem details, and nothing appended for a rejected request. */
describe('HTTP errors and write semantics', () => {
  let api: TestApi;
  let fixture: NetworkFixture;
  let db: Client;

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await networkWithGoals(api);
    db = new Client({ connectionString: api.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const eventCount = async () => Number((await db.query('SELECT count(*) AS n FROM events')).rows[0].n);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    api.http().post(`/api/v1${path}`).set(headers).send(body as object);
  const review = (reviewedOn = '2026-03-01') => ({ reviewedOn, assessment: 'on_track', evidence: 'Protokoll' });

  /** Runs the request and checks the problem's status and code, and that the store did not change. */
  async function expectProblem(send: () => Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>, status: number, code: string) {
    const before = await eventCount();
    const response = await send();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: `https://kreislauf.app/problems/${code}`, title: expect.any(String), status });
    expect(await eventCount()).toBe(before);
    return response;
  }

  describe('400 invalid input', () => {
    it('names every invalid field', async () => {
      const response = await expectProblem(
        () => post(`/networks/${fixture.networkId}/goals`, { cycleId: 'not-a-uuid', level: 'tactical', title: '', qualityGoals: ['nope'], reviewIntervalDays: 0, definedOn: '2026-02-30' }),
        400,
        'validation.failed',
      );
      const fields = (response.body.errors as { field: string; messages: string[] }[]).map((error) => error.field).sort();
      expect(fields).toEqual(['cycleId', 'definedOn', 'description', 'level', 'qualityGoals', 'reviewIntervalDays', 'title']);
    });

    it('rejects unknown fields', async () => {
      const response = await expectProblem(() => post(`/goals/${fixture.operationalId}/reviews`, { ...review(), actor: 'mallory' }), 400, 'validation.failed');
      expect(response.body.errors).toEqual([{ field: 'actor', messages: ['property actor should not exist'] }]);
    });

    it('validates nested indicators', async () => {
      const response = await expectProblem(
        () =>
          post(`/goals/${fixture.operationalId}/concretisations`, {
            indicators: [{ key: 'Bad Key', name: 'x', unit: 'x', baseline: 'one', target: 2, direction: 'up', dueOn: '2026-12-31', impactLevel: 'output' }],
            measures: [],
            concretisedOn: '2026-03-01',
          }),
        400,
        'validation.failed',
      );
      expect((response.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual(['indicators.0.baseline', 'indicators.0.direction', 'indicators.0.key']);
    });

    it('limits array sizes and lengths', async () => {
      const many = Array.from({ length: 101 }, (_, i) => `Ort ${i}`);
      await expectProblem(() => post('/networks', { name: 'x'.repeat(201), region: 'r', responsibleBody: 'b', municipalities: many, registeredOn: '2020-01-01' }), 400, 'validation.failed');
    });

    it('rejects malformed JSON and a malformed id', async () => {
      await expectProblem(() => api.http().post('/api/v1/networks').set('content-type', 'application/json').send('{"name":'), 400, 'http.400');
      await expectProblem(() => post('/goals/123/reviews', review()), 400, 'validation.failed');
    });

    it('rejects an invalid If-Match and ?after', async () => {
      await expectProblem(() => post(`/goals/${fixture.operationalId}/reviews`, review(), { 'if-match': 'yesterday' }), 400, 'header.invalid_if_match');
      await expectProblem(() => api.http().get(`/api/v1/goals/${fixture.operationalId}?after=abc`), 400, 'validation.failed');
    });

    it('refuses a body over the size limit with 413', async () => {
      await expectProblem(() => post('/networks', { name: 'x'.repeat(300_000) }), 413, 'http.413');
    });
  });

  describe('404 not found', () => {
    it('for unknown goals, networks and cycles, on reads and writes', async () => {
      const unknown = randomUUID();
      await expectProblem(() => api.http().get(`/api/v1/goals/${unknown}`), 404, 'goal.not_found');
      await expectProblem(() => api.http().get(`/api/v1/goals/${unknown}/history`), 404, 'goal.not_found');
      await expectProblem(() => api.http().get(`/api/v1/networks/${unknown}`), 404, 'network.not_found');
      await expectProblem(() => api.http().get(`/api/v1/networks/${unknown}/cycle-board`), 404, 'network.not_found');
      await expectProblem(() => api.http().get(`/api/v1/networks/${unknown}/reviews-due`), 404, 'network.not_found');
      await expectProblem(() => post(`/goals/${unknown}/reviews`, review()), 404, 'goal.not_found');
      await expectProblem(() => post(`/cycles/${unknown}/phases`, { phase: 'steering', enteredOn: '2026-03-01' }), 404, 'cycle.not_found');
      await expectProblem(() => post(`/networks/${unknown}/cycles`, { title: 't', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-01' }), 404, 'network.not_found');
      await expectProblem(() => api.http().get('/api/v1/nothing-here'), 404, 'http.404');
    });
  });

  describe('405 method not allowed', () => {
    it('answers a known path asked with another method with the methods it answers in Allow', async () => {
      const goal = await expectProblem(() => api.http().delete(`/api/v1/goals/${fixture.operationalId}`), 405, 'http.405');
      expect(goal.headers.allow).toBe('GET, HEAD');
      const reviews = await expectProblem(() => api.http().get(`/api/v1/goals/${fixture.operationalId}/reviews`), 405, 'http.405');
      expect(reviews.headers.allow).toBe('POST');
      const organisations = await expectProblem(() => api.http().put(`/api/v1/networks/${fixture.networkId}/organisations`).send({}), 405, 'http.405');
      expect(organisations.headers.allow).toBe('GET, HEAD, POST');
    });

    it('keeps a 404 for a path the api does not know', async () => {
      const unknown = await expectProblem(() => api.http().delete('/api/v1/nothing-here'), 404, 'http.404');
      expect(unknown.headers.allow).toBeUndefined();
    });
  });

  describe('415 unsupported media type', () => {
    it('refuses a write body that is not JSON, before it reaches validation', async () => {
      const path = `/api/v1/goals/${fixture.strategicId}/reviews`;
      const text = await expectProblem(() => api.http().post(path).set('content-type', 'text/plain').send('reviewedOn=2026-03-01'), 415, 'http.415');
      expect(text.body.detail).toMatch(/application\/json/);
      await expectProblem(() => api.http().post(path).type('form').send({ reviewedOn: '2026-03-01', assessment: 'on_track', evidence: 'Protokoll' }), 415, 'http.415');
      await expectProblem(() => api.http().post(path).set('content-type', 'application/xml').send('<review/>'), 415, 'http.415');
    });

    it('asks who is calling before it looks at the body', async () => {
      await expectProblem(() => api.anonymous().post(`/api/v1/goals/${fixture.strategicId}/reviews`).set('content-type', 'text/plain').send('x'), 401, 'auth.unauthenticated');
    });
  });

  describe('409 conflicts', () => {
    it('refuses a stale If-Match with the current version, and accepts the current one', async () => {
      const current = await api.http().get(`/api/v1/goals/${fixture.operationalId}`).expect(200);
      const version = Number(JSON.parse(current.headers.etag));
      const stale = await expectProblem(() => post(`/goals/${fixture.operationalId}/reviews`, review(), { 'if-match': `"${version - 1}"` }), 409, 'concurrency.stale_version');
      expect(stale.body.currentVersion).toBe(version);
      expect(stale.headers.etag).toBe(`"${version}"`);
      const fresh = await post(`/goals/${fixture.operationalId}/reviews`, review(), { 'if-match': `"${version}"` }).expect(200);
      expect(fresh.body.version).toBe(version + 1);
    });

    it('lets exactly one of two writers with the same If-Match win', async () => {
      const { body } = await post(`/goals/${fixture.operationalId}/reviews`, review('2026-03-02')).expect(200);
      const responses = await Promise.all(
        [1, 2, 3, 4].map(() => post(`/goals/${fixture.operationalId}/reviews`, review('2026-03-03'), { 'if-match': `"${body.version}"` })),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409, 409]);
    });
  });

  describe('404 for an id in the body that names nothing', () => {
    it('answers as for an id in the path', async () => {
      await expectProblem(
        () => post(`/networks/${fixture.networkId}/goals`, { cycleId: randomUUID(), level: 'strategic', title: 't', description: '', qualityGoals: ['equity'], reviewIntervalDays: 30, definedOn: '2026-03-01' }),
        404,
        'cycle.not_found',
      );
    });
  });

  describe('422 domain rules', () => {
    it('refuses what the deciders refuse, with the rule’s code', async () => {
      const { networkId, cycleId, strategicId, operationalId } = fixture;
      await expectProblem(() => post(`/networks/${networkId}/cycles`, { title: 'zweiter', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-02-01' }), 422, 'cycle.already_open');
      await expectProblem(() => post(`/cycles/${cycleId}/phases`, { phase: 'reflection', enteredOn: '2026-03-01' }), 422, 'cycle.phase_out_of_order');
      await expectProblem(() => post(`/cycles/${cycleId}/close`, { closedOn: '2026-03-01' }), 422, 'cycle.not_in_reflection');
      await expectProblem(
        () => post(`/networks/${networkId}/goals`, { cycleId, level: 'operational', title: 't', description: '', qualityGoals: ['equity'], reviewIntervalDays: 30, definedOn: '2026-03-01' }),
        422,
        'goal.invalid_parent',
      );
      await expectProblem(() => post(`/goals/${strategicId}/concretisations`, { indicators: [], measures: [], concretisedOn: '2026-03-01' }), 422, 'goal.not_operational');
      await expectProblem(() => post(`/goals/${operationalId}/measurements`, { indicatorKey: 'unknown', value: 1, measuredOn: '2026-03-01', source: 's' }), 422, 'goal.unknown_indicator');
      await expectProblem(() => post(`/goals/${operationalId}/reviews`, review('2025-01-01')), 422, 'goal.date_before_definition');
      await expectProblem(() => post(`/goals/${strategicId}/reorientations`, { decision: 'continue', rationale: 'weiter', reorientedOn: '2026-03-05' }), 422, 'goal.review_required');
      await expectProblem(() => post(`/goals/${operationalId}/reorientations`, { decision: 'adjust', rationale: 'anders', reorientedOn: '2026-03-05' }), 422, 'goal.invalid_reorientation');
    });

    it('refuses every command on a retired goal', async () => {
      const { operationalId } = fixture;
      await post(`/goals/${operationalId}/reviews`, review('2026-04-01')).expect(200);
      await post(`/goals/${operationalId}/reorientations`, { decision: 'retire', rationale: 'erledigt', reorientedOn: '2026-04-02' }).expect(200);
      await expectProblem(() => post(`/goals/${operationalId}/reviews`, review('2026-05-01')), 422, 'goal.not_active');
      await expectProblem(() => post(`/goals/${operationalId}/measurements`, { indicatorKey: 'kitas', value: 8, measuredOn: '2026-05-01', source: 's' }), 422, 'goal.not_active');
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the first result for a retry and writes once', async () => {
      const key = randomUUID();
      const body = { name: 'Netzwerk INFamilie', region: 'Dortmund', responsibleBody: 'Stadt Dortmund', municipalities: ['Dortmund'], registeredOn: '2011-11-01' };
      const first = await post('/networks', body, { 'idempotency-key': key }).expect(201);
      const before = await eventCount();
      const retry = await post('/networks', body, { 'idempotency-key': key }).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await eventCount()).toBe(before);
    });

    it('refuses the same key with another body', async () => {
      const key = randomUUID();
      const body = { name: 'A', region: 'R', responsibleBody: 'B', municipalities: [], registeredOn: '2020-01-01' };
      await post('/networks', body, { 'idempotency-key': key }).expect(201);
      await expectProblem(() => post('/networks', { ...body, name: 'B' }, { 'idempotency-key': key }), 422, 'idempotency.key_reused');
    });

    it('frees the key when the request was refused, so a corrected retry runs', async () => {
      const key = randomUUID();
      await expectProblem(() => post(`/goals/${fixture.strategicId}/reviews`, review('2020-01-01'), { 'idempotency-key': key }), 422, 'goal.date_before_definition');
      await post(`/goals/${fixture.strategicId}/reviews`, review('2020-01-01'), { 'idempotency-key': key }).expect(422);
    });

    it('runs concurrent retries of one key once', async () => {
      const key = randomUUID();
      const responses = await Promise.all([1, 2, 3].map(() => post(`/goals/${fixture.strategicId}/reviews`, review('2026-06-01'), { 'idempotency-key': key })));
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
      const history = await api.http().get(`/api/v1/goals/${fixture.strategicId}/history?after=${responses.find((r) => r.status === 200)!.body.position}`).expect(200);
      expect(history.body.items.filter((entry: { type: string; occurredAt: string }) => entry.type === 'GoalReviewed' && entry.occurredAt === '2026-06-01')).toHaveLength(1);
    });
  });

  describe('read your writes', () => {
    it('waits for the read models to reach a position, and says 503 when they do not in time', async () => {
      const write = await post(`/goals/${fixture.strategicId}/reviews`, review('2026-07-01')).expect(200);
      const read = await api.http().get(`/api/v1/goals/${fixture.strategicId}?after=${write.body.position}`).expect(200);
      expect(read.body.lastReviewOn).toBe('2026-07-01');
      const [commit] = write.body.position.split('.');
      await expectProblem(() => api.http().get(`/api/v1/goals/${fixture.strategicId}?after=${BigInt(commit) + 1000000n}.1`), 503, 'read_model.behind');
    });
  });

  describe('201 Created', () => {
    /** Every create of the api, in an order where each one is allowed; the route as in the OpenAPI document. */
    type Answer = { status: number; body: Record<string, unknown>; headers: Record<string, string> };
    const creates: { route: string; send(): Promise<Answer> }[] = [];
    const create = (route: string, send: () => PromiseLike<Answer>) => creates.push({ route, send: async () => send() });
    let networkId = '';
    let meetingId = '';
    const goal = { level: 'strategic', title: 'Ziele gemeinsam überprüfen', description: '', qualityGoals: ['equity'], reviewIntervalDays: 90, definedOn: '2026-03-01' };
    create('/api/v1/networks', () => post('/networks', { name: 'Netzwerk Neu', region: 'Bonn', responsibleBody: 'Stadt Bonn', municipalities: ['Bonn'], registeredOn: '2020-01-01' }));
    create('/api/v1/networks/{networkId}/cycles', () => post(`/networks/${networkId}/cycles`, { title: 'Zyklus', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-01' }));
    create('/api/v1/networks/{networkId}/goals', () => post(`/networks/${fixture.networkId}/goals`, { ...goal, cycleId: fixture.cycleId }));
    create('/api/v1/networks/{networkId}/organisations', () =>
      post(`/networks/${fixture.networkId}/organisations`, { name: 'Kita Neu', sector: 'day_care', namedInKkg: false, tasks: 'Betreuung', mandates: '', roles: '', resources: '', limits: '', joinedOn: '2026-01-01' }),
    );
    create('/api/v1/networks/{networkId}/bodies', () =>
      post(`/networks/${fixture.networkId}/bodies`, { kind: 'working_group', name: 'Arbeitskreis', meetingsPerYear: 4, members: [{ organisationId: fixture.organisationId }], establishedOn: '2026-01-01' }),
    );
    create('/api/v1/bodies/{bodyId}/meetings', () => post(`/bodies/${fixture.bodyId}/meetings`, { scheduledFor: '2026-05-01', title: 'Sitzung' }));
    create('/api/v1/meetings/{meetingId}/topics', () => post(`/meetings/${meetingId}/topics`, { title: 'Thema', description: '', proposedOn: '2026-04-01' }));
    create('/api/v1/meetings/{meetingId}/decisions', () => post(`/meetings/${fixture.meetingId}/decisions`, { text: 'Beschlossen.', subject: 'other' }));
    create('/api/v1/networks/{networkId}/offers', () =>
      post(`/networks/${fixture.networkId}/offers`, {
        title: 'Babytreff',
        description: '',
        providerOrganisationId: fixture.organisationId,
        lifePhases: ['age_0_3'],
        districts: ['Köln'],
        targetGroups: ['Eltern'],
        startsOn: '2026-01-01',
        endsOn: null,
        listedOn: '2026-01-01',
      }),
    );
    create('/api/v1/networks/{networkId}/leitbild/versions', () => post(`/networks/${fixture.networkId}/leitbild/versions`, { vision: 'Alle wachsen gut auf.', principles: [{ key: 'P1', text: 'Mitwirken.' }], draftedOn: '2026-03-01' }));
    create('/api/v1/networks/{networkId}/assessments', () =>
      post(`/networks/${fixture.networkId}/assessments`, { cycleId: fixture.cycleId, frameworkId: NZFH_FRAMEWORK_ID, frameworkVersion: 1, dimensionKeys: ['network'], raters: ['u-coord'], visibility: 'anonymous', openedOn: '2026-03-01' }),
    );
    create('/api/v1/assessments/{assessmentId}/priorities/{itemKey}/goals', async () => {
      await post(`/assessments/${fixture.assessmentId}/priorities`, { itemKey: 'network.goals.review_system', prioritisedOn: '2026-03-01', note: '' }).expect(200);
      return post(`/assessments/${fixture.assessmentId}/priorities/network.goals.review_system/goals`, { ...goal, cycleId: fixture.cycleId });
    });
    create('/api/v1/frameworks/{frameworkId}/versions', () =>
      post(`/frameworks/${NZFH_FRAMEWORK_ID}/versions`, { title: NZFH_FRAMEWORK_V1.title, dimensions: [NZFH_FRAMEWORK_V1.dimensions[2]], publishedOn: '2026-02-01' }),
    );

    it('covers every operation the document answers with 201', async () => {
      const document = (await api.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
      const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.values(operations).filter((operation) => '201' in operation.responses).map(() => path));
      expect(creates.map((each) => each.route).sort()).toEqual(documented.sort());
    });

    it('names what each create made in Location, and the Location reads 200', async () => {
      for (const { route, send } of creates) {
        const created = await send();
        expect({ route, status: created.status, problem: created.status === 201 ? null : created.body }).toEqual({ route, status: 201, problem: null });
        const location = created.headers.location;
        expect({ route, location }).toEqual({ route, location: expect.stringMatching(/^\/api\/v1\//) });
        if (route === '/api/v1/networks') {
          networkId = created.body.id as string;
          await api.grant('coordinator', networkId);
        }
        if (route === '/api/v1/bodies/{bodyId}/meetings') meetingId = created.body.id as string;
        const read = await api.http().get(`${location}${location.includes('?') ? '&' : '?'}after=${created.body.position}`);
        expect({ route, location, read: read.status }).toEqual({ route, location, read: 200 });
      }
    });

    it('carries Location on a replayed create as well', async () => {
      const key = randomUUID();
      const body = { name: 'Netzwerk Wiederholt', region: 'Bonn', responsibleBody: 'Stadt Bonn', municipalities: [], registeredOn: '2020-01-01' };
      const first = await post('/networks', body, { 'idempotency-key': key }).expect(201);
      const retry = await post('/networks', body, { 'idempotency-key': key }).expect(201);
      expect(first.headers.location).toBe(`/api/v1/networks/${first.body.id}`);
      expect(retry.headers.location).toBe(first.headers.location);
    });
  });

  describe('pages', () => {
    const lists = () => [
      `/networks/${fixture.networkId}/bodies`,
      `/networks/${fixture.networkId}/organisations`,
      `/networks/${fixture.networkId}/organisations/changes?from=2000-01-01&to=2030-12-31`,
      `/networks/${fixture.networkId}/decisions`,
      `/networks/${fixture.networkId}/offers`,
      `/networks/${fixture.networkId}/assessments`,
      `/networks/${fixture.networkId}/cycles`,
      `/networks/${fixture.networkId}/reviews-due?on=2027-12-31`,
      `/networks/${fixture.networkId}/roles`,
      `/networks/${fixture.networkId}/audit`,
      '/frameworks',
      '/networks',
    ];
    const get = (path: string, query: string) => api.http().get(`/api/v1${path}${path.includes('?') ? '&' : '?'}${query}`);

    it('come as { items, nextCursor }, one page after another in a stable order, the same items as one large page', async () => {
      await api.grant('coordinator', fixture.networkId);
      await post(`/networks/${fixture.networkId}/role-grants`, { userId: 'u-pages', role: 'member' }).expect(200);
      for (const path of lists()) {
        const whole = (await get(path, 'limit=1000').expect(200)).body;
        expect({ path, nextCursor: whole.nextCursor, items: Array.isArray(whole.items) }).toEqual({ path, nextCursor: null, items: true });
        const walked: unknown[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: unknown[]; nextCursor: string | null } = (await get(path, `limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body;
          expect(page.items.length).toBeLessThanOrEqual(1);
          walked.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor !== null && walked.length <= whole.items.length);
        expect({ path, walked }).toEqual({ path, walked: whole.items });
      }
    });

    it('refuse a cursor no page gave, and a limit out of range', async () => {
      for (const path of lists()) {
        await expectProblem(() => get(path, `cursor=${Buffer.from('nothing-here').toString('base64url')}`), 400, 'validation.failed');
        await expectProblem(() => get(path, 'limit=0'), 400, 'validation.failed');
        await expectProblem(() => get(path, 'limit=1001'), 400, 'validation.failed');
      }
    });

    it('are documented with cursor and limit', async () => {
      const document = (await api.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, { get: { parameters: { name: string; in: string }[] } }> };
      for (const path of lists()) {
        const template = `/api/v1${path.split('?')[0]}`.replace(fixture.networkId, '{networkId}');
        const names = document.paths[template].get.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
        expect({ template, names }).toEqual({ template, names: expect.arrayContaining(['cursor', 'limit']) });
      }
    });
  });
});

import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { loadConfig } from '@kreislauf/storage';
import request from 'supertest';
import { listen } from '../apps/api/src/bootstrap';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

type Reply = { status: number; text: string; body: Record<string, unknown>; headers: Record<string, string> };

/** What a problem body must never carry: stack frames, module paths, SQL, driver or ORM internals. */
function expectNothingInternal(response: Reply) {
  const text = response.text ?? '';
  expect(text).not.toMatch(/\n\s*at /);
  expect(text).not.toMatch(/\bat .+\.(?:js|ts):\d+/);
  expect(text).not.toMatch(/node_modules|\/work\/|\/app\/dist|apps\/api\/src|libs\/\w+\/src/);
  expect(text).not.toMatch(/\b(?:SELECT|INSERT|UPDATE|DELETE FROM|RETURNING)\b/);
  expect(text).not.toMatch(/QueryFailedError|TypeORM|EntityNotFound|duplicate key|violates|relation "/i);
  expect(text).not.toMatch(/\w+Error: |TypeError|ReferenceError/);
  // Extensions are the rule's details (ids, versions, field errors); never an error object's insides.
  const internal = ['stack', 'query', 'parameters', 'driverError', 'sql', 'cause', 'trace', 'exception', 'name', 'response'];
  expect(Object.keys(response.body).filter((key) => internal.includes(key))).toEqual([]);
}

function expectProblem(response: Reply, status: number, code: string) {
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ type: `https://kreislauf.app/problems/${code}`, title: expect.any(String), status });
  expectNothingInternal(response);
}

/** helmet's defaults, and no framework banner. */
function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['content-security-policy']).toEqual(expect.stringContaining("default-src 'self'"));
  expect(headers['content-security-policy']).toEqual(expect.stringContaining("frame-ancestors 'self'"));
  expect(headers['content-security-policy']).toEqual(expect.stringContaining("object-src 'none'"));
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(headers['x-powered-by']).toBeUndefined();
}

function expectNoCors(headers: Record<string, string>) {
  expect(Object.keys(headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
}

describe('Hardening', () => {
  describe('with the default configuration', () => {
    let api: TestApi;
    let fixture: NetworkFixture;

    beforeAll(async () => {
      api = await startTestApi();
      fixture = await networkWithGoals(api);
    });
    afterAll(() => api.close());

    it('sends helmet’s security headers on API answers, errors and /health', async () => {
      const write = await api.http().post(`/api/v1/goals/${fixture.operationalId}/reviews`).send({ reviewedOn: '2026-03-01', assessment: 'on_track', evidence: 'Protokoll' }).expect(200);
      expectSecurityHeaders(write.headers);
      const goal = await api.http().get(`/api/v1/goals/${fixture.operationalId}?after=${write.body.position}`).expect(200);
      expectSecurityHeaders(goal.headers);
      expectSecurityHeaders((await api.anonymous().get(`/api/v1/goals/${fixture.operationalId}`).expect(401)).headers);
      expectSecurityHeaders((await api.http().get('/api/v1/nothing-here').expect(404)).headers);
      const health = await api.anonymous().get('/health').expect(200);
      expectSecurityHeaders(health.headers);
    });

    it('sends no CORS headers when CORS_ORIGINS is empty, not even to a preflight', async () => {
      const server = api.app.getHttpServer();
      const get = await request(server)
        .get(`/api/v1/networks/${fixture.networkId}`)
        .set('authorization', await bearer(api, [`member@${fixture.networkId}`]))
        .set('origin', 'https://kreislauf.example');
      expect(get.status).toBe(200);
      expectNoCors(get.headers);
      const refused = await api.anonymous().get(`/api/v1/networks/${fixture.networkId}`).set('origin', 'https://kreislauf.example');
      expect(refused.status).toBe(401);
      expectNoCors(refused.headers);
      const preflight = await request(server)
        .options(`/api/v1/goals/${fixture.operationalId}/reviews`)
        .set('origin', 'https://kreislauf.example')
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'authorization,content-type');
      expectNoCors(preflight.headers);
    });

    it('lets no cache keep a read that shows personal data', async () => {
      for (const path of [`/organisations/${fixture.organisationId}`, `/bodies/${fixture.bodyId}`, `/networks/${fixture.networkId}/organisations`, `/networks/${fixture.networkId}/audit`]) {
        const read = await api.http().get(`/api/v1${path}`).expect(200);
        expect({ path, cacheControl: read.headers['cache-control'] }).toEqual({ path, cacheControl: 'no-store' });
      }
      expect(JSON.stringify((await api.http().get(`/api/v1/organisations/${fixture.organisationId}`)).body)).toContain('Petra Beispiel');
    });

    it('never answers 304 from a view’s ETag: it is one stream’s version, and the view also shows other streams', async () => {
      const before = await api.http().get(`/api/v1/bodies/${fixture.bodyId}`).expect(200);
      expect(JSON.stringify(before.body)).toContain('Familienzentrum Kalk');
      const renamed = await api
        .http()
        .post(`/api/v1/organisations/${fixture.organisationId}/descriptions`)
        .send({ name: 'Familienzentrum Kalk-Nord', sector: 'day_care', namedInKkg: false, tasks: '', mandates: '', roles: '', resources: '', limits: '', describedOn: '2026-02-01' })
        .expect(200);
      const after = await api.http().get(`/api/v1/bodies/${fixture.bodyId}?after=${renamed.body.position}`).set('if-none-match', before.headers.etag).expect(200);
      // The body's own stream did not change, so its version (the ETag for If-Match) is the same; its view did.
      expect(after.headers.etag).toBe(before.headers.etag);
      expect(JSON.stringify(after.body)).toContain('Familienzentrum Kalk-Nord');
    });

    it('binds this machine only unless HOST says otherwise, and says where it listens', async () => {
      expect(loadConfig({}).HOST).toBe('127.0.0.1');
      expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
      const listening = await startTestApi();
      try {
        const address = await listen(listening.app, { HOST: loadConfig({}).HOST, PORT: 0 });
        const bound = listening.app.getHttpServer().address() as AddressInfo;
        expect(bound.address).toBe('127.0.0.1');
        expect(address).toBe(`http://127.0.0.1:${bound.port}`);
        expect((await fetch(`${address}/health`)).status).toBe(200);
      } finally {
        await listening.close();
      }
    });

    it('answers every kind of failure with problem details that show no stack, paths, SQL or ORM internals', async () => {
      const { networkId, cycleId, strategicId, operationalId } = fixture;
      const server = api.app.getHttpServer();
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) => api.http().post(`/api/v1${path}`).set(headers).send(body as object);
      const review = { reviewedOn: '2026-03-02', assessment: 'on_track', evidence: 'Protokoll' };

      expectProblem(await post(`/networks/${networkId}/goals`, { cycleId: 'x', level: 'tactical' }), 400, 'validation.failed');
      expectProblem(await api.http().post('/api/v1/networks').set('content-type', 'application/json').send('{"name": "x", '), 400, 'http.400');
      expectProblem(await post('/goals/not-a-uuid/reviews', review), 400, 'validation.failed');
      expectProblem(await post(`/goals/${operationalId}/reviews`, review, { 'if-match': 'W/"x"' }), 400, 'header.invalid_if_match');
      expectProblem(await post(`/goals/${operationalId}/reviews`, review, { 'idempotency-key': 'no spaces allowed' }), 400, 'idempotency.invalid_key');
      // Found by test/write-fuzz: each was a 500 (or, for the date, a goals projection stuck for good).
      expectProblem(await post(`/goals/${operationalId}/reviews`, review, { 'content-encoding': 'gzip' }), 400, 'http.400');
      for (const evidence of ['a\u0000b', 'x\ud800']) {
        const response = await api.http().post(`/api/v1/goals/${operationalId}/reviews`).set('content-type', 'application/json').send(JSON.stringify({ ...review, evidence }));
        expectProblem(response, 400, 'validation.failed');
        expect(response.body.errors).toEqual([{ field: 'evidence', messages: ['evidence must not contain NUL characters or unpaired surrogates'] }]);
      }
      const farFuture = await post(`/goals/${operationalId}/reviews`, { ...review, reviewedOn: '9999-12-31' });
      expectProblem(farFuture, 400, 'validation.failed');
      expect(farFuture.body.errors).toEqual([{ field: 'reviewedOn', messages: ['reviewedOn must be between 1900-01-01 and 2999-12-31'] }]);
      expectProblem(await api.anonymous().post(`/api/v1/goals/${operationalId}/reviews`).send(review), 401, 'auth.unauthenticated');
      expectProblem(await request(server).get(`/api/v1/goals/${operationalId}`).set('authorization', 'Bearer not.a.jwt'), 401, 'auth.unauthenticated');
      const member = await bearer(api, [`member@${networkId}`]);
      expectProblem(await request(server).post(`/api/v1/cycles/${cycleId}/close`).set('authorization', member).send({ closedOn: '2026-03-01' }), 403, 'auth.forbidden');
      expectProblem(await request(server).post('/api/v1/networks').set('authorization', member).send({}), 403, 'auth.forbidden');
      expectProblem(await post(`/goals/${randomUUID()}/reviews`, review), 404, 'goal.not_found');
      expectProblem(await post(`/cycles/${randomUUID()}/close`, { closedOn: '2026-03-01' }), 404, 'cycle.not_found');
      expectProblem(await api.http().get('/api/v1/nothing-here'), 404, 'http.404');
      expectProblem(await post(`/goals/${operationalId}/reviews`, review, { 'if-match': '"0"' }), 409, 'concurrency.stale_version');
      expectProblem(await post('/networks', { name: 'x'.repeat(300_000) }), 413, 'http.413');
      expectProblem(await api.http().post('/api/v1/networks').set('content-type', 'application/json; charset=latin1').send('{}'), 415, 'http.415');
      expectProblem(await post(`/goals/${strategicId}/concretisations`, { indicators: [], measures: [], concretisedOn: '2026-03-01' }), 422, 'goal.not_operational');
      expectProblem(await post(`/goals/${operationalId}/measurements`, { indicatorKey: 'nope', value: 1, measuredOn: '2026-03-01', source: 's' }), 422, 'goal.unknown_indicator');
      const key = randomUUID();
      await post(`/goals/${operationalId}/reviews`, review, { 'idempotency-key': key }).expect(200);
      expectProblem(await post(`/goals/${operationalId}/reviews`, { ...review, evidence: 'anders' }, { 'idempotency-key': key }), 422, 'idempotency.key_reused');
    });
  });

  describe('deeply nested JSON', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(() => api.close());

    const send = (body: string) => api.http().post('/api/v1/networks').set('content-type', 'application/json').send(body);

    it('refuses a body nested deeper than 32 levels with a 400 problem, in milliseconds, without holding up other requests', async () => {
      const deep = '['.repeat(120_000) + ']'.repeat(120_000); // 240 kB, under the body limit
      const started = performance.now();
      const answers = await Promise.all([...Array.from({ length: 12 }, () => send(deep)), api.anonymous().get('/health')]);
      const elapsed = performance.now() - started;
      for (const response of answers.slice(0, 12)) {
        expectProblem(response, 400, 'http.400');
        expect(response.body.detail).toBe('The JSON body is nested deeper than 32 levels');
      }
      expect(answers[12].status).toBe(200);
      expect(elapsed).toBeLessThan(1000);

      const network = { name: 'Netz', region: 'R', responsibleBody: 'J', municipalities: ['A'], registeredOn: '2016-01-01' };
      const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) });
      // 33 levels inside a field: refused for its depth; 32 in all, like brackets inside a text, reach the validation.
      expect((await send(JSON.stringify({ ...network, extra: nested(32) }))).body.detail).toBe('The JSON body is nested deeper than 32 levels');
      expectProblem(await send(JSON.stringify({ ...network, extra: nested(31) })), 400, 'validation.failed');
      expectProblem(await send(JSON.stringify({ ...network, extra: '[{'.repeat(500) + '\\"' })), 400, 'validation.failed');
    });
  });

  describe('rate limiting behind a reverse proxy (TRUST_PROXY=1)', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' });
    });
    afterAll(() => api.close());

    it('counts each client by its forwarded address, not the proxy’s', async () => {
      const path = `/api/v1/goals/${randomUUID()}`;
      const from = (address: string) => api.http().get(path).set('x-forwarded-for', address);
      expect((await from('203.0.113.7')).status).toBe(404);
      expect((await from('203.0.113.7')).status).toBe(404);
      expect((await from('203.0.113.7')).status).toBe(429);
      expect((await from('198.51.100.4')).status).toBe(404);
    });
  });

  describe('rate limiting (RATE_LIMIT_PER_MINUTE=5)', () => {
    let api: TestApi;

    beforeAll(async () => {
      api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '5' });
    });
    afterAll(() => api.close());

    it('answers the 6th request to a route within a minute with a 429 problem and Retry-After', async () => {
      const path = `/api/v1/goals/${randomUUID()}`;
      for (let i = 1; i <= 5; i++) {
        const response = await api.http().get(path);
        expect(response.status).toBe(404);
        expect(response.headers['x-ratelimit-limit']).toBe('5');
        expect(response.headers['x-ratelimit-remaining']).toBe(String(5 - i));
      }
      const limited = await api.http().get(path);
      expectProblem(limited, 429, 'http.429');
      expect(limited.body).toMatchObject({ title: 'Too many requests', status: 429, detail: 'More than 5 requests a minute; retry after the time in Retry-After' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      expectSecurityHeaders(limited.headers);
    });

    it('limits before authentication: an anonymous flood is refused with 429, not 401', async () => {
      const path = `/api/v1/networks/${randomUUID()}/cycles`;
      for (let i = 0; i < 5; i++) expect((await api.anonymous().post(path).send({})).status).toBe(401);
      expectProblem(await api.anonymous().post(path).send({}), 429, 'http.429');
      expectProblem(await api.http().post(path).send({}), 429, 'http.429');
    });

    it('counts each route separately, per client address', async () => {
      const reviews = `/api/v1/goals/${randomUUID()}/reviews`;
      for (let i = 0; i < 6; i++) await api.http().post(reviews).send({});
      expect((await api.http().post(reviews).send({})).status).toBe(429);
      expect((await api.http().post(`/api/v1/goals/${randomUUID()}/measurements`).send({})).status).toBe(404);
    });

    /**
     * /health is public and pings the database, so it is limited like every route: an anonymous client
     * cannot hammer the database through it. Its budget is its own, so busy API traffic from the health
     * checker's address never turns the health check red.
     */
    it('limits /health on its own budget, untouched by API traffic', async () => {
      const goal = `/api/v1/goals/${randomUUID()}`;
      for (let i = 0; i < 6; i++) await api.http().get(goal);
      expect((await api.http().get(goal)).status).toBe(429);
      for (let i = 1; i <= 5; i++) {
        const health = await api.anonymous().get('/health');
        expect(health.status).toBe(200);
        expect(health.body.status).toBe('ok');
      }
      const limited = await api.anonymous().get('/health');
      expectProblem(limited, 429, 'http.429');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe(`CORS (CORS_ORIGINS='https://kreislauf.example') and BODY_LIMIT=1kb`, () => {
    const allowed = 'https://kreislauf.example';
    let api: TestApi;
    let fixture: NetworkFixture;

    beforeAll(async () => {
      api = await startTestApi({ CORS_ORIGINS: allowed, BODY_LIMIT: '1kb' });
      fixture = await networkWithGoals(api);
      const { body } = await api.http().post(`/api/v1/goals/${fixture.operationalId}/reviews`).send(review('2026-02-20')).expect(200);
      await api.http().get(`/api/v1/goals/${fixture.operationalId}?after=${body.position}`).expect(200); // the read models have caught up
    });
    afterAll(() => api.close());

    const review = (reviewedOn: string) => ({ reviewedOn, assessment: 'on_track', evidence: 'Protokoll' });

    it('lets the allowed origin read answers and their ETag', async () => {
      const read = await api.http().get(`/api/v1/goals/${fixture.operationalId}`).set('origin', allowed).expect(200);
      expect(read.headers['access-control-allow-origin']).toBe(allowed);
      expect(read.headers.vary).toMatch(/origin/i);
      expect(read.headers['access-control-expose-headers']).toEqual(expect.stringContaining('ETag'));
      expect(read.headers['access-control-expose-headers']).toEqual(expect.stringContaining('Idempotent-Replayed'));
      const write = await api.http().post(`/api/v1/goals/${fixture.operationalId}/reviews`).set('origin', allowed).send(review('2026-03-01')).expect(200);
      expect(write.headers['access-control-allow-origin']).toBe(allowed);
      expect(write.headers.etag).toMatch(/^"\d+"$/);
      // and a problem, so that the browser client can show it
      const refused = await api.anonymous().post(`/api/v1/goals/${fixture.operationalId}/reviews`).set('origin', allowed).send(review('2026-03-01'));
      expect(refused.status).toBe(401);
      expect(refused.headers['access-control-allow-origin']).toBe(allowed);
    });

    it('answers the allowed origin’s preflight without a token', async () => {
      const preflight = await request(api.app.getHttpServer())
        .options(`/api/v1/goals/${fixture.operationalId}/reviews`)
        .set('origin', allowed)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'authorization,content-type,if-match,idempotency-key');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(allowed);
      expect(preflight.headers['access-control-allow-methods']).toEqual(expect.stringContaining('POST'));
      expect(preflight.headers['access-control-allow-headers']?.toLowerCase()).toEqual(expect.stringContaining('if-match'));
      expect(preflight.headers['access-control-allow-headers']?.toLowerCase()).toEqual(expect.stringContaining('idempotency-key'));
    });

    it('gives another origin no Access-Control-Allow-Origin, on requests and preflights', async () => {
      for (const origin of ['https://evil.example', 'https://kreislauf.example.evil.example', 'http://kreislauf.example', 'null']) {
        const read = await api.http().get(`/api/v1/goals/${fixture.operationalId}`).set('origin', origin).expect(200);
        expect(read.headers['access-control-allow-origin']).toBeUndefined();
        const preflight = await request(api.app.getHttpServer())
          .options(`/api/v1/goals/${fixture.operationalId}/reviews`)
          .set('origin', origin)
          .set('access-control-request-method', 'POST');
        expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
        expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      }
    });

    it('takes the body limit from BODY_LIMIT', async () => {
      const body = (evidence: string) => JSON.stringify({ reviewedOn: '2026-03-02', assessment: 'on_track', evidence });
      await api.http().post(`/api/v1/goals/${fixture.operationalId}/reviews`).set('content-type', 'application/json').send(body('x'.repeat(900))).expect(200);
      const tooLarge = await api.http().post(`/api/v1/goals/${fixture.operationalId}/reviews`).set('origin', allowed).set('content-type', 'application/json').send(body('x'.repeat(1100)));
      expectProblem(tooLarge, 413, 'http.413');
      expect(tooLarge.headers['access-control-allow-origin']).toBe(allowed); // the browser client may read why
    });
  });
});

async function bearer(api: TestApi, roles: string[]): Promise<string> {
  return `Bearer ${await api.tokenFor({ userId: 'u-other', roles })}`;
}

import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig } from '@kreislauf/storage';
import request from 'supertest';
import { runCli } from '../apps/cli/src/cli';
import { startTestApi, TestApi } from './support/test-api';

const network = { name: 'Netzwerk INFamilie', region: 'Dortmund', responsibleBody: 'Stadt Dortmund', municipalities: ['Dortmund'], registeredOn: '2011-11-01' };
const strategicGoal = (cycleId: string) => ({
  cycleId,
  level: 'strategic',
  title: 'Startchancen in Schule und Beruf',
  description: '',
  qualityGoals: ['smooth_transitions'],
  reviewIntervalDays: 180,
  definedOn: '2026-02-01',
});

describe('authentication', () => {
  describe('embedded mode: a secret under DATA_DIR and tokens from the cli', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kreislauf-auth-'));
    const lines: string[] = [];
    const cli = (...argv: string[]) =>
      runCli(argv, loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), () => Promise.reject(new Error('no database needed')), { log: (line) => lines.push(line) });
    const token = async (...argv: string[]) => {
      expect(await cli('token', ...argv)).toBe(0);
      return lines.at(-1)!;
    };
    let api: TestApi;

    beforeAll(async () => {
      // AUTH_SECRET empty: the api reads the secret the cli created under DATA_DIR.
      api = await startTestApi({ DATA_DIR: dataDir, AUTH_SECRET: '' });
    });
    afterAll(async () => {
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps the signing secret under DATA_DIR, readable by its owner only', () => {
      expect(statSync(join(dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);
    });

    it('accepts cli tokens, and records the token’s person as the actor of every event', async () => {
      const admin = await token('--user', 'it-admin', '--name', 'Kreis-IT', '--role', 'admin');
      const registered = await api.anonymous().post('/api/v1/networks').auth(admin, { type: 'bearer' }).send(network).expect(201);
      const networkId = registered.body.id;

      const coordinator = await token('--user', 'u-ada', '--name', 'Ada Lovelace', '--role', `coordinator@${networkId}`, '--expires', '1h');
      const as = (path: string, body: object) => api.anonymous().post(`/api/v1${path}`).auth(coordinator, { type: 'bearer' }).send(body);
      const cycle = await as(`/networks/${networkId}/cycles`, { title: 'Zyklus', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-01' }).expect(201);
      await as(`/networks/${networkId}/goals`, { ...strategicGoal(cycle.body.id), actor: { userId: 'mallory' } }).expect(400);
      const goal = await as(`/networks/${networkId}/goals`, strategicGoal(cycle.body.id)).expect(201);

      const history = await api
        .anonymous()
        .get(`/api/v1/goals/${goal.body.id}/history?after=${goal.body.position}`)
        .auth(coordinator, { type: 'bearer' })
        .expect(200);
      expect(history.body.items[0].actor).toEqual({ userId: 'u-ada', name: 'Ada Lovelace', role: 'coordinator' });
    });

    it('refuses a token without a valid signature, issuer, audience or expiry with 401', async () => {
      const key = new TextEncoder().encode('another secret, not the one of this installation');
      const signed = (build: (jwt: SignJWT) => SignJWT, secret = key) =>
        build(new SignJWT({ kreislauf_roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x')).sign(secret);
      const real = await token('--user', 'x', '--role', 'admin');
      const [header, payload] = real.split('.');
      const candidates = [
        await signed((jwt) => jwt.setIssuer('kreislauf').setAudience('kreislauf-api').setExpirationTime('1h')),
        `${header}.${payload}.${'A'.repeat(43)}`,
        `${header}.${Buffer.from(JSON.stringify({ sub: 'x', kreislauf_roles: ['admin'], iss: 'kreislauf', aud: 'kreislauf-api', exp: 1 })).toString('base64url')}.x`,
        'not-a-jwt',
      ];
      for (const candidate of candidates) {
        const response = await api.anonymous().get('/api/v1/networks/00000000-0000-4000-8000-000000000000').auth(candidate, { type: 'bearer' }).expect(401);
        expect(response.body).toMatchObject({ status: 401, code: 'auth.unauthenticated' });
        expect(response.headers['www-authenticate']).toBe('Bearer');
      }
    });

    it('refuses with 401 a validly signed token whose claims have the wrong type, that never expires or was issued in the future', async () => {
      const key = new TextEncoder().encode(readFileSync(join(dataDir, 'auth-secret'), 'utf8').trim());
      const now = Math.floor(Date.now() / 1000);
      const signed = (claims: Record<string, unknown>) =>
        new SignJWT({ iss: 'kreislauf', aud: 'kreislauf-api', sub: 'u-x', kreislauf_roles: ['admin'], iat: now, exp: now + 600, ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(key);
      const register = (candidate: string) => api.anonymous().post('/api/v1/networks').auth(candidate, { type: 'bearer' }).send(network);
      // The same secret with sound claims is accepted: the refusals below are for the claims alone.
      await register(await signed({ name: 'Kreis-IT' })).expect(201);
      const refused = [
        { sub: 42 },
        { sub: ['a', 'b'] },
        { sub: { id: 'a' } },
        { sub: '' },
        { name: ['Kreis', 'IT'] },
        { name: { first: 'Kreis' } },
        { kreislauf_roles: [['admin']] },
        { kreislauf_roles: { admin: true } },
        { kreislauf_roles: ['admin', 7] },
        { exp: undefined },
        { iat: now + 3600 },
      ];
      for (const claims of refused) {
        const response = await register(await signed(claims));
        expect({ claims, status: response.status }).toEqual({ claims, status: 401 });
        expect(response.body).toMatchObject({ code: 'auth.unauthenticated' });
      }
      // A clock a few seconds ahead of ours is no reason to refuse.
      await register(await signed({ iat: now + 5 })).expect(201);
    });

    it('answers 401 without a token, except for /health and the OpenAPI page', async () => {
      const response = await api.anonymous().post('/api/v1/networks').send(network).expect(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      await api.anonymous().get('/metrics').expect(401);
      await api.anonymous().get('/health').expect(200);
      await api.anonymous().get('/api/docs').expect(200);
      await api.anonymous().get('/api/docs-json').expect(200);
    });

    it('explains wrong cli arguments', async () => {
      expect(await cli('token', '--user', 'x', '--role', 'boss@nowhere')).toBe(2);
      expect(lines.at(-1)).toContain('Not a role: boss@nowhere');
      expect(await cli('token', '--role', 'admin')).toBe(2);
      expect(await cli('token', '--user', 'x', '--role', 'admin', '--expires', 'forever')).toBe(2);
    });
  });

  describe('OIDC mode: tokens of an identity provider, checked against its JWKS', () => {
    let provider: Server;
    let issuer: string;
    let signingKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
    let sign: (claims: Record<string, unknown>, options?: { audience?: string; issuer?: string }) => Promise<string>;
    let api: TestApi;

    beforeAll(async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      provider = createServer((req, res) => {
        res.setHeader('content-type', 'application/json');
        if (req.url === '/realms/kreis/.well-known/openid-configuration') res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }));
        else if (req.url === '/realms/kreis/protocol/openid-connect/certs') res.end(JSON.stringify({ keys: [jwk] }));
        else res.writeHead(404).end('{}');
      });
      await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
      issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/realms/kreis`;
      signingKey = privateKey;
      sign = (claims, options = {}) =>
        new SignJWT({ sub: 'kc-user-1', ...claims })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(options.issuer ?? issuer)
          .setAudience(options.audience ?? 'kreislauf')
          .setExpirationTime('5m')
          .sign(privateKey);
      api = await startTestApi({ AUTH_MODE: 'oidc', OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'kreislauf', OIDC_ROLES_CLAIM: 'realm_access.roles', OIDC_NAME_CLAIM: 'preferred_username' });
    });
    afterAll(async () => {
      await api.close();
      await new Promise((resolve) => provider.close(resolve));
    });

    it('accepts the provider’s token with roles from a configurable (nested) claim', async () => {
      const admin = await sign({ realm_access: { roles: ['admin'] }, preferred_username: 'kreis.it' });
      const created = await request(api.app.getHttpServer()).post('/api/v1/networks').auth(admin, { type: 'bearer' }).send(network).expect(201);
      const funder = await sign({ realm_access: { roles: [`funder@${created.body.id}`] }, preferred_username: 'ministerium' });
      await request(api.app.getHttpServer()).get(`/api/v1/networks/${created.body.id}?after=${created.body.position}`).auth(funder, { type: 'bearer' }).expect(200);
      await request(api.app.getHttpServer())
        .post(`/api/v1/networks/${created.body.id}/cycles`)
        .auth(funder, { type: 'bearer' })
        .send({ title: 'Zyklus', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-01' })
        .expect(403);
    });

    it('does not start without OIDC_AUDIENCE: a token made for another application would pass', () => {
      expect(() => loadConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER: issuer })).toThrow(/OIDC_AUDIENCE: AUTH_MODE=oidc needs OIDC_AUDIENCE/);
      expect(loadConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'kreislauf' }).OIDC_AUDIENCE).toBe('kreislauf');
    });

    it('refuses a provider token whose subject or name is no text, or that has no expiry', async () => {
      const server = api.app.getHttpServer();
      const admin = { realm_access: { roles: ['admin'] } };
      await request(server).post('/api/v1/networks').auth(await sign({ ...admin, sub: ['a', 'b'] }), { type: 'bearer' }).send(network).expect(401);
      await request(server).post('/api/v1/networks').auth(await sign({ ...admin, preferred_username: 12 }), { type: 'bearer' }).send(network).expect(401);
      await request(server).post('/api/v1/networks').auth(await sign({ realm_access: { roles: 'admin' } }), { type: 'bearer' }).send(network).expect(201);
      const unexpiring = await new SignJWT(admin).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setAudience('kreislauf').setSubject('kc-user-1').sign(signingKey);
      await request(server).post('/api/v1/networks').auth(unexpiring, { type: 'bearer' }).send(network).expect(401);
    });

    it('refuses another audience, another issuer, and tokens of the embedded mode', async () => {
      const server = api.app.getHttpServer();
      const path = '/api/v1/networks';
      await request(server).post(path).auth(await sign({ realm_access: { roles: ['admin'] } }, { audience: 'other-app' }), { type: 'bearer' }).send(network).expect(401);
      await request(server).post(path).auth(await sign({ realm_access: { roles: ['admin'] } }, { issuer: 'https://evil.example' }), { type: 'bearer' }).send(network).expect(401);
      await request(server).post(path).auth(await api.tokenFor({ roles: ['admin'] }), { type: 'bearer' }).send(network).expect(401);
    });
  });
});

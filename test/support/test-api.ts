import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { issueEmbeddedToken, loadConfig } from '@kreislauf/storage';
import request from 'supertest';
import { createApi } from '../../apps/api/src/bootstrap';
import { createTestDatabase, TestDatabase } from '../setup/test-database';
import { OpenApiDocument, OpenApiResponseValidator } from './openapi-response-validator';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Requester = Record<Method, (path: string) => request.Test>;

export interface TestUser {
  userId: string;
  displayName: string;
  /** `admin` and `<role>@<networkId>` entries. */
  roles: string[];
}

export interface TestApi {
  app: INestApplication;
  database: TestDatabase;
  /** Requests as the signed-in test user (see signIn and grant). */
  http(): Requester;
  /** Requests without a token. */
  anonymous(): Requester;
  /** A bearer token for any user, signed with this app's embedded secret. */
  tokenFor(user: Partial<TestUser> & { roles: string[] }): Promise<string>;
  /** Checks every answer to http() and anonymous() against the api's OpenAPI document. */
  responses: OpenApiResponseValidator;
  /** Adds a role in a network to the signed-in user. */
  grant(role: string, networkId: string): Promise<void>;
  close(): Promise<void>;
}

/** The signed-in user of a test app: an administrator who is given network roles as the test goes. */
export const testUser: TestUser = { userId: 'u-coord', displayName: 'Anna Koordination', roles: ['admin'] };

/** The whole api on a fresh database, projections in-process, driven over HTTP by supertest. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url,
    AUTH_SECRET: secret,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const app = await createApi({ config, databaseUrl: database.url, runProjections: config.PROJECTIONS === 'inprocess' });
  await app.init();
  const server = app.getHttpServer();
  const key = new TextEncoder().encode(config.AUTH_SECRET);
  const user = { ...testUser, roles: [...testUser.roles] };
  const tokenFor = (claims: Partial<TestUser> & { roles: string[] }) =>
    issueEmbeddedToken(key, { userId: claims.userId ?? 'u-test', displayName: claims.displayName, roles: claims.roles });
  let token = await tokenFor(user);
  const responses = new OpenApiResponseValidator((await request(server).get('/api/docs-json').expect(200)).body as OpenApiDocument);
  const requester = (authorised: boolean): Requester => {
    const make = (method: Method) => (path: string) => {
      const test = request(server)[method](path).expect((response) => {
        const sent = (response as unknown as { req: { method: string; path: string } }).req;
        responses.check({ method: sent.method, path: sent.path, status: response.status, contentType: response.headers['content-type'], text: response.text });
      });
      return authorised ? test.set('authorization', `Bearer ${token}`) : test;
    };
    return { get: make('get'), post: make('post'), put: make('put'), patch: make('patch'), delete: make('delete') };
  };
  return {
    app,
    database,
    responses,
    http: () => requester(true),
    anonymous: () => requester(false),
    tokenFor,
    async grant(role, networkId) {
      user.roles.push(`${role}@${networkId}`);
      token = await tokenFor(user);
    },
    async close() {
      // MISSING_RESPONSE_SCHEMAS=<file> collects, over a run, the responses the document does not describe yet.
      const report = process.env.MISSING_RESPONSE_SCHEMAS;
      if (report && responses.missing().length > 0) appendFileSync(report, `${responses.missing().join('\n')}\n`);
      await app.close();
      await database.drop();
    },
  };
}

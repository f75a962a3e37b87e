import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@kreislauf/storage';
import request from 'supertest';
import { createApi } from '../../apps/api/src/bootstrap';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

export interface TestApi {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The whole api on a fresh database, projections in-process, driven over HTTP by supertest. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATABASE_URL: database.url, ...env });
  const app = await createApi({ config, databaseUrl: database.url, runProjections: config.PROJECTIONS === 'inprocess' });
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    http: () => request(server),
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export const coordinator = { 'x-user-id': 'u-coord', 'x-user-name': 'Anna Koordination', 'x-user-role': 'coordinator' };

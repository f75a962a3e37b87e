import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, loadConfig, RUNTIME_ROLE, startEmbeddedPostgres } from '@kreislauf/storage';
import { createApi } from '../src/bootstrap';
import { documentJson, OPENAPI_JSON, openApiDocumentOf, SCHEMA_TYPES, schemaTypes } from './api-types';

const ROOT = resolve(__dirname, '../../..');

/** `npm run api:types`: the api on a throwaway embedded PostgreSQL, its document and the types generated from it written to the web. */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kreislauf-api-types-'));
  const database = await startEmbeddedPostgres(dataDir, await freePort(), (line) => process.stderr.write(`${line}\n`));
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.runtimeUrl, AUTH_SECRET: randomBytes(32).toString('hex'), PROJECTIONS: 'off' });
    const app = await createApi({ config, databaseUrl: database.runtimeUrl, owner: { url: database.url, runtimeRole: RUNTIME_ROLE }, runProjections: false });
    try {
      await app.init();
      const json = documentJson(await openApiDocumentOf(app));
      writeFileSync(join(ROOT, OPENAPI_JSON), json);
      writeFileSync(join(ROOT, SCHEMA_TYPES), await schemaTypes(json));
      process.stdout.write(`wrote ${OPENAPI_JSON} and ${SCHEMA_TYPES}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`api:types failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

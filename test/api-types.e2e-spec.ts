import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentJson, OPENAPI_JSON, openApiDocumentOf, SCHEMA_TYPES, schemaTypes } from '../apps/api/scripts/api-types';
import { startTestApi, TestApi } from './support/test-api';

const ROOT = join(__dirname, '..');
const STALE = 'is not what the api generates now: run `npm run api:types` and commit the result';

/** The web's types and outside clients come from the checked-in document: it must be the one the api builds. */
describe('the checked-in OpenAPI document and its generated types', () => {
  let api: TestApi;
  let generated: string;

  beforeAll(async () => {
    api = await startTestApi();
    generated = documentJson(await openApiDocumentOf(api.app));
  });
  afterAll(() => api.close());

  it(`${OPENAPI_JSON} is the api's document`, () => {
    const checkedIn = readFileSync(join(ROOT, OPENAPI_JSON), 'utf8');
    if (checkedIn !== generated) throw new Error(`${OPENAPI_JSON} ${STALE}`);
    expect(checkedIn).toBe(generated);
  });

  it(`${SCHEMA_TYPES} is generated from that document`, async () => {
    const checkedIn = readFileSync(join(ROOT, SCHEMA_TYPES), 'utf8');
    if (checkedIn !== (await schemaTypes(generated))) throw new Error(`${SCHEMA_TYPES} ${STALE}`);
    expect(checkedIn).toContain('export interface paths');
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NETWORK_ENDPOINTS } from './support/endpoints';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { minimalValue, OpenApiDocument, OpenApiValidator } from './support/openapi-validator';
import { startTestApi, TestApi } from './support/test-api';

const run = promisify(execFile);
const root = join(__dirname, '..');

/** Runs a linter and gives its output whether it passes or fails. */
async function lint(args: string[]): Promise<{ code: number; stdout: string; output: string }> {
  try {
    const { stdout, stderr } = await run('npx', args, { cwd: root, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/**
 * The lists that grow are documented as pages ahead of answering as pages: until they do, a bare list, or
 * an object around one list (with its nextCursor, if any), is read as a page.
 */
function asDocumented(schema: Record<string, unknown>, body: unknown): unknown {
  const page = (schema.properties as Record<string, unknown> | undefined)?.nextCursor !== undefined;
  if (!page || (typeof body === 'object' && body !== null && 'items' in body)) return body;
  if (Array.isArray(body)) return { items: body, nextCursor: null };
  const lists = Object.values(body as Record<string, unknown>).filter(Array.isArray);
  const nextCursor = (body as { nextCursor?: unknown }).nextCursor ?? null;
  return lists.length === 1 ? { items: lists[0], nextCursor } : body;
}

describe('the OpenAPI document', () => {
  let api: TestApi;
  let folder: string;
  let file: string;
  let validator: OpenApiValidator;
  let fixture: NetworkFixture;

  beforeAll(async () => {
    api = await startTestApi();
    folder = await mkdtemp(join(tmpdir(), 'kreislauf-openapi-'));
    file = join(folder, 'openapi.json');
    const document = await api.anonymous().get('/api/docs-json').expect(200);
    await writeFile(file, JSON.stringify(document.body, null, 2));
    validator = new OpenApiValidator(document.body as OpenApiDocument);
    fixture = await networkWithGoals(api);
  });
  afterAll(async () => {
    await api.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const result = await lint(['redocly', 'lint', '--config', join(root, 'redocly.yaml'), '--format', 'json', file]);
    const report = JSON.parse(result.stdout) as { totals: object; problems: object[] };
    expect({ code: result.code, totals: report.totals, problems: report.problems }).toEqual({ code: 0, totals: { errors: 0, warnings: 0, ignored: 0 }, problems: [] });
  }, 120_000);

  it('passes Spectral’s spectral:oas rules with no error and no warning', async () => {
    const result = await lint(['spectral', 'lint', '--ruleset', join(root, '.spectral.yaml'), '--fail-severity', 'hint', file]);
    expect({ code: result.code, output: result.code === 0 ? '' : result.output }).toEqual({ code: 0, output: '' });
  }, 120_000);

  it('documents for every operation its problems and the headers it reads and writes', () => {
    type Operation = { parameters?: { $ref?: string; name?: string }[]; responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }> };
    const missing = Object.entries(validator.document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).flatMap(([method, operation]) => {
        const name = `${method.toUpperCase()} ${path}`;
        const gaps: string[] = [];
        const statuses = Object.keys(operation.responses);
        if (!statuses.some((status) => status.startsWith('2') && operation.responses[status].content)) gaps.push(`${name}: no success body`);
        for (const status of path.startsWith('/api/v1/') ? ['400', '401', '403', '429', '503'] : ['429', '503']) {
          if (!operation.responses[status]?.content?.['application/problem+json']) gaps.push(`${name}: no problem for ${status}`);
        }
        if (!operation.responses['429']?.headers?.['Retry-After']) gaps.push(`${name}: 429 without Retry-After`);
        if (method === 'post') {
          const read = (operation.parameters ?? []).map((parameter) => parameter.$ref ?? parameter.name);
          for (const header of ['#/components/parameters/IfMatch', '#/components/parameters/IdempotencyKey']) if (!read.includes(header)) gaps.push(`${name}: does not read ${header}`);
          for (const status of ['409', '413', '415', '422']) if (!operation.responses[status]) gaps.push(`${name}: no problem for ${status}`);
          for (const [status, response] of Object.entries(operation.responses).filter(([status]) => status.startsWith('2'))) {
            for (const header of ['ETag', 'Idempotent-Replayed', ...(status === '201' ? ['Location'] : [])]) if (!response.headers?.[header]) gaps.push(`${name}: ${status} without ${header}`);
          }
        }
        return gaps;
      }),
    );
    expect(Object.keys(validator.document.paths).length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  describe('documents the answers the api gives', () => {
    for (const endpoint of NETWORK_ENDPOINTS) {
      it(`${endpoint.method.toUpperCase()} ${endpoint.route}`, async () => {
        const request = api.http()[endpoint.method](endpoint.path(fixture));
        const response = await (endpoint.body ? request.send(endpoint.body(fixture)) : request);
        const mediaType = String(response.headers['content-type']).split(';')[0];
        const schema = validator.responseSchema(endpoint.route, endpoint.method, response.status, mediaType);
        expect({ status: response.status, documented: schema !== undefined }).toEqual({ status: response.status, documented: true });
        expect(validator.errors(schema!, asDocumented(schema!, response.body))).toEqual([]);
      });
    }
  });

  describe('takes every body the document allows: the smallest one passes validation', () => {
    for (const endpoint of NETWORK_ENDPOINTS.filter((each) => each.method === 'post')) {
      it(`POST ${endpoint.route}`, async () => {
        const schema = validator.requestSchema(endpoint.route, 'post');
        expect(schema).toBeDefined();
        const body = minimalValue(validator, schema!);
        expect(validator.errors(schema!, body)).toEqual([]);
        const response = await api.http().post(endpoint.path(fixture)).send(body as object);
        expect({ body, status: response.status, code: response.body.code, errors: response.body.errors }).not.toMatchObject({ status: 400 });
      });
    }
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';

export const OPENAPI_JSON = 'apps/web/src/api/openapi.json';
export const SCHEMA_TYPES = 'apps/web/src/api/schema.d.ts';

const HEADER = '// From openapi.json by `npm run api:types`: change the api and run it again.\n\n';

/** The OpenAPI document the api serves, as the api builds it at start. */
export async function openApiDocumentOf(app: INestApplication): Promise<Record<string, unknown>> {
  const response = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
  return response.body;
}

/** The document as checked in: keys sorted at every level, two-space indented, one trailing newline. */
export function documentJson(document: unknown): string {
  return `${JSON.stringify(sortedKeys(document), null, 2)}\n`;
}

/**
 * The TypeScript types of the document's paths and schemas, as the web and outside clients import them. openapi-typescript
 * runs as its own process: it loads ES modules, which jest's module loader cannot.
 */
export async function schemaTypes(documentJsonText: string): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'kreislauf-openapi-'));
  try {
    const file = join(folder, 'openapi.json');
    writeFileSync(file, documentJsonText);
    const { stdout } = await promisify(execFile)(process.execPath, [join(dirname(require.resolve('openapi-typescript/package.json')), 'bin/cli.js'), file, '--alphabetize'], { maxBuffer: 64 * 1024 * 1024 });
    return HEADER + stdout;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, sortedKeys(entry)]),
  );
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { domainProblemCodes, HTTP_PROBLEM_CODES } from './problems';

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(name) ? [path] : [];
  });
}

describe('the problem codes of the API document', () => {
  it('name every domain error with the status its kind answers with', () => {
    const codes = domainProblemCodes();
    expect(Object.keys(codes).length).toBeGreaterThan(50);
    expect(codes['goal.not_found']).toBe(404);
    expect(codes['goal.not_active']).toBe(422);
    expect(Object.keys(codes).every((code) => /^[a-z_]+\.[a-z_.]+$/.test(code))).toBe(true);
  });

  it('name every code the HTTP layer answers with, at its status', () => {
    const root = join(__dirname, '..', '..', '..', '..', '..');
    const thrown = [...sources(join(root, 'apps', 'api', 'src')), ...sources(join(root, 'libs', 'event-store', 'src'))].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:ProblemException\(|super\()\s*HttpStatus\.([A-Z_]+),\s*'([a-z_.]+)'/g)].map(([, status, code]) => ({ code, status })),
    );
    expect(thrown.length).toBeGreaterThan(10);
    const statuses: Record<string, number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, CONFLICT: 409, UNPROCESSABLE_ENTITY: 422, SERVICE_UNAVAILABLE: 503 };
    for (const { code, status } of thrown) expect({ code, status: HTTP_PROBLEM_CODES[code] }).toEqual({ code, status: statuses[status] });
  });
});

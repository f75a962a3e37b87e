import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DistService, ensureBuilt, REPOSITORY, serviceEnvironment, startDistService } from './support/dist-service';

interface ShellBlock {
  line: number;
  info: string;
  code: string;
}

/** Every fenced shell block of the README, with its info string (`sh`, `sh skip-test`, …). */
export function shellBlocks(markdown: string): ShellBlock[] {
  const blocks: ShellBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(sh|bash|shell|console|zsh)\b(.*)$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push({ line: i + 1, info: `${open[1]}${open[2]}`.trim(), code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

/**
 * The README's shell examples, run in order in one shell from the repository root against the service
 * `npm start` runs (from dist, on a temporary DATA_DIR and a free port), as a new user copies them after
 * `npm ci && npm start`. Blocks that cannot run here say so with the info string `sh skip-test` (the start
 * itself, Docker, the PDF that needs Chromium, long-running processes). curl fails on any HTTP error, so a
 * command that answers 400 or 401 fails the test.
 */
describe('README', () => {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
  const blocks = shellBlocks(readme);
  let service: DistService;

  beforeAll(async () => {
    ensureBuilt();
    service = await startDistService(REPOSITORY);
  }, 240_000);
  afterAll(() => service?.stop());

  it('writes every shell block as `sh`, runnable or marked skip-test', () => {
    expect(blocks.map((block) => `${block.line}: ${block.info}`).filter((entry) => !/: sh( skip-test)?$/.test(entry))).toEqual([]);
    expect(blocks.filter((block) => block.info === 'sh').length).toBeGreaterThanOrEqual(8);
  });

  it('runs every shell example against a started service', () => {
    const runnable = blocks.filter((block) => block.info === 'sh');
    const script = [
      'set -euo pipefail -x',
      'curl() { command curl --fail-with-body --silent --show-error "$@"; }',
      ...runnable.map((block) => `# README.md line ${block.line}\n${block.code.replaceAll('http://localhost:3000', service.url)}\necho`),
    ].join('\n');
    const before = new Set(readdirSync(REPOSITORY));
    try {
      const run = spawnSync('bash', ['-c', script], { cwd: REPOSITORY, env: serviceEnvironment(service.env), encoding: 'utf8', timeout: 150_000 });
      const report = `exit ${run.status}\n--- stderr\n${run.stderr}\n--- stdout\n${run.stdout}\n--- service\n${service.output()}`;
      expect(run.status === 0 ? 'exit 0' : report).toBe('exit 0');
      const tokens = run.stdout.match(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/gm) ?? [];
      expect(tokens.length).toBeGreaterThanOrEqual(3);
      expect(run.stdout).toContain('"title":"Familien früh erreichen"');
      expect(run.stdout).toMatch(/^OK /m);
    } finally {
      // Only the files the examples wrote (exports, bundles): folders may be other tests' running beside this one.
      for (const entry of readdirSync(REPOSITORY, { withFileTypes: true })) if (entry.isFile() && !before.has(entry.name)) rmSync(join(REPOSITORY, entry.name), { force: true });
    }
  }, 180_000);
});

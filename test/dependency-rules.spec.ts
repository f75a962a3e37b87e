/**
 * The dependency rules of .dependency-cruiser.cjs (run by `npm run lint`) catch what they are there for: each
 * case plants a small source tree in a temporary folder and cruises it with the project's own configuration.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** The violations depcruise finds in `files` (path → source), cruised as the project cruises apps and libs. */
function violationsIn(files: Record<string, string>): Violation[] {
  const dir = mkdtempSync(join(tmpdir(), 'kreislauf-depcruise-'));
  try {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { jsx: 'react-jsx', module: 'commonjs' } }));
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    const run = spawnSync(DEPCRUISE, ['apps', '--config', CONFIG, '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
    if (!run.stdout) throw new Error(`depcruise printed nothing: ${run.stderr}`);
    return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ruleNames = (violations: Violation[]) => [...new Set(violations.map((violation) => violation.rule.name))].sort();

describe('the dependency rules', () => {
  it('refuse a loop between two api feature folders that no file loop shows', () => {
    const violations = violationsIn({
      'apps/api/src/time-travel/past-events.ts': 'export const pastEvents = 1;\n',
      'apps/api/src/goals/goal.queries.ts': "import { pastEvents } from '../time-travel/past-events';\nexport const readGoal = pastEvents;\n",
      'apps/api/src/time-travel/goal-diff.query.ts': "import { readGoal } from '../goals/goal.queries';\nexport const goalDiff = readGoal;\n",
    });
    expect(ruleNames(violations)).toEqual(['no-loops-between-api-folders']);
    expect(violations.map(({ from, to }) => `${from} → ${to}`).sort()).toEqual(['apps/api/src/goals → apps/api/src/time-travel', 'apps/api/src/time-travel → apps/api/src/goals']);
  });

  it('let api feature folders lean on each other one way', () => {
    const violations = violationsIn({
      'apps/api/src/time-travel/past-events.ts': 'export const pastEvents = 1;\n',
      'apps/api/src/goals/goal.queries.ts': "import { pastEvents } from '../time-travel/past-events';\nexport const readGoal = pastEvents;\n",
    });
    expect(violations).toEqual([]);
  });

  it('refuse the web app importing api source', () => {
    const violations = violationsIn({
      'apps/api/src/access/access-policy.ts': 'export const ACCESS_POLICY = {};\n',
      'apps/web/src/goal-page.tsx': "import { ACCESS_POLICY } from '../../api/src/access/access-policy';\nexport const policy = ACCESS_POLICY;\n",
    });
    expect(violations.map(({ rule, from, to }) => [rule.name, from, to])).toEqual([['web-imports-no-api-source', 'apps/web/src/goal-page.tsx', 'apps/api/src/access/access-policy.ts']]);
  });
});

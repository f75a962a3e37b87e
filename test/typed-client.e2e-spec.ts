import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { coordinatorTask } from './client/coordinator-task';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

const ROOT = join(__dirname, '..');
const PROGRAM = join(__dirname, 'client/coordinator-task.ts');

/** Whether tsc accepts the program on its own, strict and with the libraries' types checked, against the generated schema.d.ts. */
function compile(): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(__dirname, 'client/tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every `x as T`, `<T>x` and `any` in the program. */
function castsAndAnys(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || node.kind === ts.SyntaxKind.AnyKeyword) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`line ${line + 1}: ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('a client generated from the OpenAPI document does a coordinator’s task', () => {
  let api: TestApi;
  let fixture: NetworkFixture;
  let baseUrl: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    fixture = await networkWithGoals(api);
  });
  afterAll(() => api.close());

  it('is written with no cast and no any', () => {
    expect(castsAndAnys(PROGRAM)).toEqual([]);
  });

  it('compiles with tsc, strict, against apps/web/src/api/schema.d.ts', () => {
    expect(compile()).toEqual({ status: 0, output: '' });
  }, 120_000);

  it('defines a goal, records a measurement, reviews it and reads back the goal and its history', async () => {
    const token = await api.tokenFor({ userId: 'u-kim', displayName: 'Kim Koordination', roles: [`coordinator@${fixture.networkId}`] });
    const outcome = await coordinatorTask({ baseUrl, token, networkId: fixture.networkId, cycleId: fixture.cycleId, strategicGoalId: fixture.strategicId });
    expect(outcome).toEqual({
      goalId: expect.any(String),
      title: 'Familienhebammen in allen Stadtteilen',
      status: 'active',
      lastAssessment: 'on_track',
      latestValue: 4,
      progressPercent: 50,
      history: ['GoalDefined', 'GoalConcretised', 'MeasurementRecorded', 'GoalReviewed'],
    });
  });
});

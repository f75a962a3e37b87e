import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, REPOSITORY, startDistService, temporaryFolder } from './support/dist-service';

/**
 * The production image installs `npm ci --omit=dev` beside the built dist (docker/Dockerfile): every
 * package the built apps import has to be a production dependency, or the api stops at start.
 */
describe('production install', () => {
  let root: string;

  beforeAll(() => {
    ensureBuilt();
    root = temporaryFolder('kreislauf-prod-');
    for (const entry of ['dist', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(REPOSITORY, entry), join(root, entry), { recursive: true });
    // Install scripts run only where package.json allowScripts lets them: the embedded PostgreSQL's.
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('boots the api from dist with production dependencies only and answers /health with 200', async () => {
    const service = await startDistService(root);
    try {
      const health = await fetch(`${service.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
    } finally {
      await service.stop();
    }
  }, 120_000);
});

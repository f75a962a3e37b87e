import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@kreislauf/storage';
import request from 'supertest';
import { serveWebApp } from '../apps/api/src/web/serve-web-app';

const ROOT = join(__dirname, '..');

@Module({})
class NoRoutes {}

/** The production build of the web app, as the api serves it: no source maps, which would publish the sources. */
describe('the web app build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'kreislauf-web-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has no source map and no reference to one', () => {
    execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'apps/web/vite.config.mjs', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe' });
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
    expect(files).toContain('index.html');
    expect(files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(0);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((name) => name.endsWith('.js') || name.endsWith('.css'))) {
      expect({ file, mapped: readFileSync(join(outDir, file), 'utf8').includes('sourceMappingURL') }).toEqual({ file, mapped: false });
    }
  }, 120_000);

  it('serves no source map even when one lies in the build folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kreislauf-web-served-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kreislauf</title>');
      writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1);');
      writeFileSync(join(dir, 'assets', 'index-abc.js.map'), '{"sources":["secret.tsx"]}');
      const app = await NestFactory.create<NestExpressApplication>(NoRoutes, { logger: false });
      serveWebApp(app, loadConfig({}), dir);
      await app.init();
      try {
        await request(app.getHttpServer()).get('/assets/index-abc.js').expect(200);
        const map = await request(app.getHttpServer()).get('/assets/index-abc.js.map').set('accept', '*/*');
        expect(map.status).toBe(404);
        expect(map.text).not.toContain('secret.tsx');
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

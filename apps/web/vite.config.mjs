// @ts-check
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));

/** The web app, built into dist/web, which the api serves at `/`. */
export default defineConfig({
  root,
  base: '/',
  // Vite 8 compiles TSX with Oxc; the automatic runtime needs no React import in each file.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: {
    alias: {
      '@kreislauf/domain': `${repository}libs/domain/src/index.ts`,
    },
  },
  build: {
    outDir: `${repository}dist/web`,
    emptyOutDir: true,
    // The production build ships no source maps (they would publish the sources); `npm run dev:web` has its own.
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/web-config.json': 'http://127.0.0.1:3000' },
  },
});

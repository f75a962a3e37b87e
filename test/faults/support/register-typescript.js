// Lets a child process run the TypeScript sources as they are (no `npm run build`): compiles each .ts file
// with @swc/core and the project's .swcrc when it is required, and resolves the @kreislauf/* paths.
// Usage: node -r ./test/faults/support/register-typescript.js apps/projector/src/main.ts
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const root = path.resolve(__dirname, '../../..');
const swcOptions = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    ...swcOptions,
    swcrc: false,
    filename,
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};

const { paths } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8')).compilerOptions;
tsconfigPaths.register({ baseUrl: root, paths, addMatchAll: false });

// The entry file is .ts too: make node's main-module loader accept it.
if (!Module._extensions['.ts']) Module._extensions['.ts'] = require.extensions['.ts'];

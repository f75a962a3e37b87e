// Lets node run the TypeScript sources as jest does: compiled by swc with the project's .swcrc, @kreislauf/* mapped as in tsconfig.json.
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.join(__dirname, '../../..');
const swcrc = JSON.parse(readFileSync(path.join(root, '.swcrc'), 'utf8'));
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcrc, swcrc: false, sourceMaps: 'inline', filename });
  module._compile(code, filename);
};
const { compilerOptions } = require(path.join(root, 'tsconfig.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });

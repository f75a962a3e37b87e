#!/usr/bin/env node
// The admin cli, run from the built code. It never rebuilds on its own (a rebuild takes most of a minute and
// would write to stdout, where scripts read the answer): when dist is missing it builds once, to stderr.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const main = path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js');

if (!existsSync(main)) {
  process.stderr.write('kreislauf: dist/ is missing, building it once (npm run build)\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (build.status !== 0 || !existsSync(main)) {
    process.stderr.write('kreislauf: the build failed; run `npm run build` and try again\n');
    process.exit(1);
  }
}

// The same path mapping that `node -r tsconfig-paths/register` with TS_NODE_BASEURL=./dist gives `npm start`.
const { compilerOptions } = require(path.join(root, 'tsconfig.json'));
require('tsconfig-paths').register({ baseUrl: path.join(root, 'dist'), paths: compilerOptions.paths });
require(main);

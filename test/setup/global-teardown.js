const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const started = globalThis.__KREISLAUF_PG__;
  if (!started) return;
  await started.pg.stop();
  fs.rmSync(started.dir, { recursive: true, force: true });
};

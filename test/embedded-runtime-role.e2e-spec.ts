import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedUrl, issueEmbeddedToken, loadSigningSecret, RUNTIME_ROLE, runningEmbeddedPostmaster } from '@kreislauf/storage';
import { DistService, ensureBuilt, REPOSITORY, startDistService } from './support/dist-service';

async function connected(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * On the embedded default, the api connects as a role that is no superuser and owns no table: the
 * migrations run as the owner first. Someone who gets the application's connection can neither change a
 * stored event (the append-only trigger binds it, and it may not disable it) nor run programs on the host.
 */
describe('the embedded PostgreSQL runtime role', () => {
  let service: DistService;
  let owner: Client;
  let runtime: Client;

  beforeAll(async () => {
    ensureBuilt();
    service = await startDistService(REPOSITORY);
    const dataDir = service.env.DATA_DIR;
    const { port } = runningEmbeddedPostmaster(dataDir)!;
    owner = await connected(embeddedUrl(port, readFileSync(join(dataDir, 'postgres-password'), 'utf8')));
    runtime = await connected(embeddedUrl(port, readFileSync(join(dataDir, 'postgres-runtime-password'), 'utf8'), RUNTIME_ROLE));
  }, 300_000);

  afterAll(async () => {
    await runtime?.end();
    await owner?.end();
    await service?.stop();
  }, 30_000);

  it('serves writes and reads, and the api connects as a role that may not change events or run programs', async () => {
    // given a network written over HTTP and read back, now and as of now (a past read shadows tables in temporary ones)
    const token = await issueEmbeddedToken(loadSigningSecret({ DATA_DIR: service.env.DATA_DIR }), { userId: 'admin-1', roles: ['admin'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const written = await fetch(`${service.url}/api/v1/networks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Netzwerk Rollen', region: 'Köln', responsibleBody: 'Jugendamt Köln', municipalities: ['Köln'], registeredOn: '2020-01-01' }),
    });
    expect(written.status).toBe(201);
    const { id, position } = (await written.json()) as { id: string; position: string };
    const read = await fetch(`${service.url}/api/v1/networks/${id}?after=${position}`, { headers });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { name: string }).name).toBe('Netzwerk Rollen');
    const past = await fetch(`${service.url}/api/v1/networks/${id}?asOf=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`, { headers });
    expect(past.status).toBe(200);

    // then every session of the api on its database (all but this test's two) is the runtime role's
    const runtimePid = (await runtime.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const sessions = await owner.query<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid NOT IN (pg_backend_pid(), $1)`,
      [runtimePid],
    );
    expect(sessions.rows).toEqual([{ usename: RUNTIME_ROLE }]);

    // and that role, whose password is kept readable by its owner only, is no superuser and may create nothing
    expect((statSync(join(service.env.DATA_DIR, 'postgres-runtime-password')).mode & 0o777).toString(8)).toBe('600');
    const role = await runtime.query(`SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(role.rows).toEqual([{ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false }]);
    await expect(runtime.query('CREATE TABLE planted (x int)')).rejects.toThrow(/permission denied/);

    // and it reads the events but may neither change, delete nor truncate them, nor switch the append-only trigger off
    expect(Number((await runtime.query('SELECT count(*) AS n FROM events')).rows[0].n)).toBeGreaterThan(0);
    await expect(runtime.query(`UPDATE events SET type = 'Forged'`)).rejects.toThrow(/permission denied/);
    await expect(runtime.query('DELETE FROM events')).rejects.toThrow(/permission denied/);
    await expect(runtime.query('TRUNCATE events')).rejects.toThrow(/permission denied/);
    await expect(runtime.query('ALTER TABLE events DISABLE TRIGGER events_append_only')).rejects.toThrow(/must be owner/);

    // and it may run no program on the host, nor read its files
    await expect(runtime.query(`COPY (SELECT 1) TO PROGRAM 'true'`)).rejects.toThrow(/permission denied|pg_execute_server_program/);
    await expect(runtime.query(`SELECT pg_read_file('postmaster.pid')`)).rejects.toThrow(/permission denied/);

    // and the events are as they were written
    const types = await owner.query<{ type: string }>('SELECT type FROM events');
    expect(types.rows.map((row) => row.type)).not.toContain('Forged');
  }, 120_000);
});

import { Client } from 'pg';

/** The role the embedded mode's api, projector and cli connect as: it logs in, owns nothing, and may not create anything. */
export const RUNTIME_ROLE = 'kreislauf_app';

const ROLE_NAME = /^[a-z_][a-z0-9_]*$/;
/** Two processes granting the same table at once may fail with "tuple concurrently updated": one at a time. */
const GRANT_LOCK_KEY = 7_214_003_118;

/**
 * Creates the runtime role if it is missing and (re)sets its password; run as the superuser on every
 * start. Tables the owner creates later are granted to it by default; the event tables are narrowed by
 * grantRuntimeRole after the migrations.
 */
export async function prepareRuntimeRole(superuserUrl: string, role: string, password: string): Promise<void> {
  assertRoleName(role);
  await withClient(superuserUrl, async (client) => {
    const { rows } = await client.query<{ database: string; owner: string }>('SELECT current_database() AS database, current_user AS owner');
    const { database, owner } = rows[0];
    await client.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role}; END IF;
      END;
      $$;
      ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${password.replace(/'/g, "''")}';
      GRANT CONNECT, TEMPORARY ON DATABASE "${database}" TO ${role};
      GRANT USAGE ON SCHEMA public TO ${role};
      ALTER DEFAULT PRIVILEGES FOR ROLE "${owner}" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role};
      ALTER DEFAULT PRIVILEGES FOR ROLE "${owner}" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role};
    `);
  });
}

/**
 * Grants the runtime role what the application does with the tables the migrations made, as their owner:
 * it reads and writes the read models, but only reads and appends events. Not owning the events table,
 * it can neither disable nor get past the append-only trigger.
 */
export async function grantRuntimeRole(ownerUrl: string, role: string): Promise<void> {
  assertRoleName(role);
  // One query string is one transaction: the lock holds until every grant is done.
  await withClient(ownerUrl, (client) =>
    client.query(`
      SELECT pg_advisory_xact_lock(${GRANT_LOCK_KEY});
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
      DO $$
      BEGIN
        -- absent when the events live in EventStoreDB
        IF to_regclass('public.events') IS NOT NULL THEN REVOKE UPDATE, DELETE, TRUNCATE ON events FROM ${role}; END IF;
        IF to_regclass('public.streams') IS NOT NULL THEN REVOKE DELETE, TRUNCATE ON streams FROM ${role}; END IF;
        IF to_regclass('public.read_model_migrations') IS NOT NULL THEN REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON read_model_migrations FROM ${role}; END IF;
      END;
      $$;
    `),
  );
}

function assertRoleName(role: string): void {
  if (!ROLE_NAME.test(role)) throw new Error(`Not a plain role name: ${role}`);
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

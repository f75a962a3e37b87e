import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { eventStoreContract } from '../event-store.contract';
import { DuplicateEventError, GlobalPosition, NewEvent, StoredEvent } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';

eventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase();
  const store = new PostgresEventStore({ connectionString: db.url, pollIntervalMs: 200 });
  await store.migrate();
  return {
    store,
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
});

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let sql: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: db.url });
    await store.migrate();
    sql = await connect(db.url);
  });

  afterAll(async () => {
    await sql?.end();
    await store?.close();
    await db?.drop();
  });

  /** A position after everything written so far, once all of it is readable. */
  async function settledHead(): Promise<GlobalPosition | null> {
    const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    await eventually(async () => (await store.countAfter(null)) === rows[0].n);
    return store.headPosition();
  }

  /** Reads like a projection: after its checkpoint, which then moves to the last event it got. */
  function checkpointingReader(start: GlobalPosition | null) {
    let checkpoint = start;
    const seen: StoredEvent[] = [];
    return {
      seen,
      async poll(): Promise<StoredEvent[]> {
        const page = await store.readAll({ after: checkpoint, limit: 100 });
        if (page.length > 0) checkpoint = page[page.length - 1].position;
        seen.push(...page);
        return page;
      },
    };
  }

  describe('out-of-order commits', () => {
    let transactionA: Client;

    beforeEach(async () => {
      transactionA = await connect(db.url);
      await transactionA.query('BEGIN');
    });

    afterEach(async () => {
      await transactionA.query('ROLLBACK'); // a no-op warning once committed
      await transactionA.end();
    });

    it('holds back a committed event with a higher position until the lower one commits', async () => {
      const start = await settledHead();
      const reader = checkpointingReader(start);
      const eventA = newEvent('A');
      const eventB = newEvent('B');

      const a = await store.appendWithin(transactionA, `ooo-${randomUUID()}`, [eventA], 'no_stream');
      const b = await store.append(`ooo-${randomUUID()}`, [eventB], 'no_stream');

      // The trap is set: B took the later sequence number and committed while A is still open,
      // so a reader ordering by sequence alone would see B now, move past it, and never see A.
      expect(b.position.prepare).toBeGreaterThan(a.position.prepare);
      expect(await eventIdsBySequenceAfter(start)).toEqual([eventB.eventId]);

      for (let poll = 0; poll < 3; poll++) expect(await reader.poll()).toEqual([]);
      expect(await store.headPosition()).toEqual(start);
      expect(await store.countAfter(start)).toBe(0);

      await transactionA.query('COMMIT');
      await eventually(async () => (await reader.poll(), reader.seen.length >= 2));
      await reader.poll();

      expect(ids(reader.seen)).toEqual([eventA.eventId, eventB.eventId]);
      expect(reader.seen.map((e) => e.position)).toEqual([a.position, b.position]);
    });

    it('orders by transaction, so an older transaction that writes last still comes first', async () => {
      const start = await settledHead();
      const reader = checkpointingReader(start);
      const eventA = newEvent('A');
      const eventB = newEvent('B');

      await transactionA.query('SELECT pg_current_xact_id()'); // A takes its transaction id first
      const b = await store.append(`ooo-${randomUUID()}`, [eventB], 'no_stream');
      const a = await store.appendWithin(transactionA, `ooo-${randomUUID()}`, [eventA], 'no_stream');

      // A has the older transaction but the later sequence number: had a reader taken B while A
      // was open, its checkpoint (B's transaction) would lie past A for good.
      expect(a.position.commit).toBeLessThan(b.position.commit);
      expect(a.position.prepare).toBeGreaterThan(b.position.prepare);

      for (let poll = 0; poll < 3; poll++) expect(await reader.poll()).toEqual([]);

      await transactionA.query('COMMIT');
      await eventually(async () => (await reader.poll(), reader.seen.length >= 2));
      await reader.poll();

      expect(ids(reader.seen)).toEqual([eventA.eventId, eventB.eventId]);
    });

    async function eventIdsBySequenceAfter(start: GlobalPosition | null): Promise<string[]> {
      const { rows } = await sql.query<{ event_id: string }>(
        'SELECT event_id FROM events WHERE global_position > $1 ORDER BY global_position',
        [String(start?.prepare ?? 0n)],
      );
      return rows.map((row) => row.event_id);
    }
  });

  describe('global order across a power of ten in transaction ids', () => {
    it('orders transaction ids as numbers, so paging never skips past 9999 → 10000', async () => {
      // Burn transaction ids (one per subtransaction that writes) until the next power of ten is 3 away.
      await sql.query('CREATE TEMP TABLE burn (n int)');
      const current = BigInt((await sql.query<{ id: string }>('SELECT pg_current_xact_id()::text AS id')).rows[0].id);
      const next = 10n ** BigInt(current.toString().length);
      const toBurn = Number(next - current - 4n);
      await sql.query(`DO $$ BEGIN FOR i IN 1..${toBurn} LOOP BEGIN INSERT INTO burn VALUES (i); EXCEPTION WHEN others THEN NULL; END; END LOOP; END $$`);
      const start = await settledHead();

      const stream = `digits-${randomUUID()}`;
      for (let i = 0; i < 6; i++) await store.append(stream, [newEvent(`E${i}`)], i === 0 ? 'no_stream' : i - 1);
      const commits = (await store.readStream(stream)).map((event) => event.position.commit);
      expect(commits[0] < next && commits[5] >= next).toBe(true); // the appends straddle the power of ten

      const reader = checkpointingReader(start);
      await eventually(async () => {
        await reader.poll();
        return reader.seen.length >= 6;
      });
      expect(reader.seen.map((event) => event.type)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5']);
      const paged: string[] = [];
      for (let after = start, page = await store.readAll({ after, limit: 2 }); page.length > 0; page = await store.readAll({ after, limit: 2 })) {
        paged.push(...page.map((event) => event.type));
        after = page[page.length - 1].position;
      }
      expect(paged).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5']);
      expect((await store.headPosition())?.commit).toBe(commits[5]);
    });
  });

  describe('append-only', () => {
    it.each([
      ['UPDATE', `UPDATE events SET type = 'Rewritten'`],
      ['DELETE', 'DELETE FROM events'],
      ['TRUNCATE', 'TRUNCATE events'],
    ])('refuses %s on events', async (_, statement) => {
      const stream = `append-only-${randomUUID()}`;
      await store.append(stream, [newEvent('Kept')], 'no_stream');

      await expect(sql.query(statement)).rejects.toThrow(/events are append-only/);

      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Kept']);
    });
  });

  describe('concurrent retries', () => {
    it('stores one copy when the same events are appended twice at once', async () => {
      const stream = `retry-${randomUUID()}`;
      const events = [newEvent('A'), newEvent('B')];

      const [first, second] = await Promise.all([
        store.append(stream, events, 'no_stream'),
        store.append(stream, events, 'no_stream'),
      ]);

      expect(second).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('answers a retry that waited for its still-open original with the original result', async () => {
      const stream = `retry-${randomUUID()}`;
      const events = [newEvent('A')];
      const original = await connect(db.url);
      try {
        await original.query('BEGIN');
        const first = await store.appendWithin(original, stream, events, 'no_stream');
        const retry = store.append(stream, events, 'no_stream');
        await sleep(100); // the retry now waits for the stream's lock
        await original.query('COMMIT');

        await expect(retry).resolves.toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(1);
      } finally {
        await original.end();
      }
    });

    it('refuses the same event id racing into another stream', async () => {
      const event = newEvent('A');
      const other = `retry-${randomUUID()}`;
      const original = await connect(db.url);
      try {
        await original.query('BEGIN');
        await store.appendWithin(original, `retry-${randomUUID()}`, [event], 'no_stream');
        const racer = store.append(other, [event], 'no_stream');
        await sleep(100); // the racer now waits on the unique event id
        await original.query('COMMIT');

        await expect(racer).rejects.toBeInstanceOf(DuplicateEventError);
        expect(await store.readStream(other)).toEqual([]);
      } finally {
        await original.end();
      }
    });
  });

  describe('notifications', () => {
    it('listens again after its connection drops', async () => {
      // Polling too rarely to matter here: only a notification can wake the listener in time.
      const watched = new PostgresEventStore({ connectionString: db.url, pollIntervalMs: 60_000 });
      let calls = 0;
      watched.onAppended(() => calls++);
      try {
        await eventually(async () => (await listeningBackends()).length === 1);
        await sql.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [await listeningBackends()]);
        await eventually(async () => (await listeningBackends()).length === 1);

        const before = calls;
        await store.append(`notify-${randomUUID()}`, [newEvent('A')], 'no_stream');
        await eventually(async () => calls > before);
      } finally {
        await watched.close();
      }
    });

    async function listeningBackends(): Promise<number[]> {
      const { rows } = await sql.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND query = 'LISTEN kreislauf_events'`,
      );
      return rows.map((row) => row.pid);
    }
  });

  describe('migrate', () => {
    it('is harmless twice and from two processes at once', async () => {
      const fresh = await createTestDatabase();
      const one = new PostgresEventStore({ connectionString: fresh.url });
      const two = new PostgresEventStore({ connectionString: fresh.url });
      try {
        await Promise.all([one.migrate(), two.migrate()]);
        const stream = `migrate-${randomUUID()}`;
        await one.append(stream, [newEvent('A')], 'no_stream');
        await one.migrate();

        // Not countAfter: an open transaction of another spec in this server may hold the event back a moment.
        expect(await one.readStream(stream)).toHaveLength(1);
        await expect(two.append(`migrate-${randomUUID()}`, [newEvent('B')], 'no_stream')).resolves.toMatchObject({
          nextVersion: 0,
        });
      } finally {
        await one.close();
        await two.close();
        await fresh.drop();
      }
    });
  });
});

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

function newEvent(type: string): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data: { type },
    metadata: {
      actor: { userId: 'user-1', role: 'coordinator' },
      networkId: 'network-1',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2024-03-14T09:30:00.000Z',
    },
  };
}

function ids(events: StoredEvent[]): string[] {
  return events.map((event) => event.eventId);
}

async function eventually(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { verifyChains } from '../chain-verification';
import { eventStoreContract } from '../event-store.contract';
import { DuplicateEventError, GlobalPosition, NewEvent, StoredEvent } from '../event-store.port';
import { hashEvent } from '../hash-chain';
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
}, { transactions: true });

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

  describe('hash chain', () => {
    /** A superuser connection that bypasses the append-only trigger, as an attacker with database access would. */
    async function tamper(statement: string, values: unknown[] = []): Promise<void> {
      const attacker = await connect(db.url);
      try {
        await attacker.query('SET session_replication_role = replica');
        await attacker.query(statement, values);
      } finally {
        await attacker.end();
      }
    }

    async function networkWithStreams(): Promise<{ networkId: string; streams: string[]; events: StoredEvent[][] }> {
      const networkId = randomUUID();
      const streams = [`goal-${randomUUID()}`, `goal-${randomUUID()}`];
      for (const stream of streams) {
        await store.append(stream, [newEvent('A', networkId), newEvent('B', networkId)], 'no_stream');
        await store.append(stream, [newEvent('C', networkId)], 1);
      }
      return { networkId, streams, events: await Promise.all(streams.map((stream) => store.readStream(stream))) };
    }

    it('stores the hashes in the events table and sets the record time from the transaction clock', async () => {
      const stream = `hashes-${randomUUID()}`;
      await store.append(stream, [newEvent('A'), newEvent('B')], 'no_stream');

      const { rows } = await sql.query<{ hash: Buffer; previous_hash: Buffer | null; recorded_at: Date; exact: boolean }>(
        `SELECT hash, previous_hash, recorded_at, recorded_at = date_trunc('milliseconds', recorded_at) AS exact
           FROM events WHERE stream_id = $1 ORDER BY stream_version`,
        [stream],
      );
      const read = await store.readStream(stream);

      expect(rows.map((row) => row.hash.toString('hex'))).toEqual(read.map((e) => e.hash));
      expect(rows[0].previous_hash).toBeNull();
      expect(rows[1].previous_hash?.toString('hex')).toBe(read[0].hash);
      expect(rows.every((row) => row.exact)).toBe(true);
      expect(rows[0].recorded_at.getTime()).toBe(rows[1].recorded_at.getTime()); // one clock per append
    });

    it('catches an event whose data was changed through a superuser connection, and names it', async () => {
      const { networkId, events } = await networkWithStreams();
      expect((await verifyChains(store, { networkId })).ok).toBe(true);
      const victim = events[1][1];

      await tamper(`UPDATE events SET data = jsonb_set(data, '{type}', '"Rewritten"') WHERE event_id = $1`, [victim.eventId]);

      const report = await verifyChains(store, { networkId });
      expect(report.ok).toBe(false);
      expect(report.firstBrokenLink).toEqual({
        streamId: victim.streamId,
        streamVersion: 1,
        eventId: victim.eventId,
        problem: 'content_hash_mismatch',
        expected: victim.hash,
        found: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(report.brokenStreams).toBe(1);
      expect(report.checkedEvents).toBe(6);
      // The other network's chains are not this network's problem.
      expect((await verifyChains(store, { networkId: (await networkWithStreams()).networkId })).ok).toBe(true);
    });

    it('catches a change whose hash was recomputed, at the next link', async () => {
      const { networkId, events } = await networkWithStreams();
      const victim = events[0][0];
      const forged = { ...victim, data: { type: 'Rewritten' } };

      await tamper(`UPDATE events SET data = $2::jsonb, hash = $3 WHERE event_id = $1`, [
        victim.eventId,
        JSON.stringify(forged.data),
        Buffer.from(hashEvent(forged, null), 'hex'),
      ]);

      expect((await verifyChains(store, { networkId })).firstBrokenLink).toMatchObject({
        streamId: victim.streamId,
        streamVersion: 1,
        eventId: events[0][1].eventId,
        problem: 'previous_hash_mismatch',
      });
    });

    it('catches a removed event as a gap and a removed tail against the streams table', async () => {
      const { networkId, events } = await networkWithStreams();

      await tamper('DELETE FROM events WHERE event_id = $1', [events[0][1].eventId]);
      await tamper('DELETE FROM events WHERE event_id = $1', [events[1][2].eventId]);

      const report = await verifyChains(store, { networkId });
      expect(report.brokenLinks).toEqual([
        { streamId: events[0][0].streamId, streamVersion: 2, eventId: events[0][2].eventId, problem: 'version_gap', expected: '1', found: '2' },
        { streamId: events[1][0].streamId, streamVersion: 2, eventId: null, problem: 'missing_tail', expected: '2', found: '1' },
      ]);
      expect(report.streamEndsChecked).toBe(true);
    });

    it('catches a stream removed in full when the whole store is verified', async () => {
      const fresh = await createTestDatabase();
      const other = new PostgresEventStore({ connectionString: fresh.url });
      try {
        await other.migrate();
        const stream = `removed-${randomUUID()}`;
        await other.append(stream, [newEvent('A')], 'no_stream');
        await other.append(`kept-${randomUUID()}`, [newEvent('B')], 'no_stream');
        const attacker = await connect(fresh.url);
        await attacker.query('SET session_replication_role = replica');
        await attacker.query('DELETE FROM events WHERE stream_id = $1', [stream]);
        await attacker.end();

        expect((await verifyChains(other)).brokenLinks).toEqual([
          { streamId: stream, streamVersion: 0, eventId: null, problem: 'missing_stream', expected: '0', found: null },
        ]);
      } finally {
        await other.close();
        await fresh.drop();
      }
    });

    it('does not take events that readAll still holds back for a removed tail', async () => {
      const networkId = randomUUID();
      const stream = `held-${randomUUID()}`;
      await store.append(stream, [newEvent('A', networkId)], 'no_stream');
      const older = await connect(db.url);
      try {
        await older.query('BEGIN');
        await older.query('SELECT pg_current_xact_id()'); // an older open transaction holds back later commits
        await store.append(stream, [newEvent('B', networkId)], 0);
        expect((await store.readAll({ limit: 10_000 })).some((e) => e.streamId === stream && e.streamVersion === 1)).toBe(false);

        const report = await verifyChains(store, { networkId });

        expect(report).toMatchObject({ ok: true, checkedEvents: 2 });
      } finally {
        await older.query('ROLLBACK');
        await older.end();
      }
    });
  });

  describe('backfill of events written before hash chains', () => {
    let legacy: TestDatabase;
    let legacyStore: PostgresEventStore;
    let legacySql: Client;

    beforeEach(async () => {
      legacy = await createTestDatabase();
      legacyStore = new PostgresEventStore({ connectionString: legacy.url });
      await legacyStore.migrate();
      legacySql = await connect(legacy.url);
    });

    afterEach(async () => {
      await legacySql.end();
      await legacyStore.close();
      await legacy.drop();
    });

    /** Rows as a version before hash chains wrote them: no hashes, the column default's microsecond clock. */
    async function writeUnhashed(streamId: string, types: string[], firstVersion = 0): Promise<void> {
      for (const [i, type] of types.entries()) {
        const event = newEvent(type);
        await legacySql.query(
          `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
           VALUES ($1, $2, $3, $4, 1, $5, $6, now() + interval '123 microseconds')`,
          [event.eventId, streamId, firstVersion + i, type, JSON.stringify(event.data), JSON.stringify(event.metadata)],
        );
      }
      await legacySql.query(
        'INSERT INTO streams (stream_id, version) VALUES ($1, $2) ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version',
        [streamId, firstVersion + types.length - 1],
      );
    }

    it('adds the columns to an old events table and hashes its rows in stream order', async () => {
      await legacySql.query('ALTER TABLE events DROP COLUMN hash, DROP COLUMN previous_hash');
      const streams = [`old-${randomUUID()}`, `old-${randomUUID()}`];
      await writeUnhashed(streams[0], ['A', 'B', 'C']);
      await writeUnhashed(streams[1], ['D']);

      await legacyStore.migrate();

      for (const stream of streams) {
        const events = await legacyStore.readStream(stream);
        events.forEach((event, i) => {
          expect(event.previousHash).toBe(i === 0 ? null : events[i - 1].hash);
          expect(hashEvent(event, event.previousHash ?? null)).toBe(event.hash);
        });
      }
      expect(await verifyChains(legacyStore)).toMatchObject({ ok: true, checkedEvents: 4, checkedStreams: 2 });
      // The backfill turned the append-only trigger on again.
      await expect(legacySql.query(`UPDATE events SET type = 'Rewritten'`)).rejects.toThrow(/events are append-only/);
      const next = await legacyStore.append(streams[0], [newEvent('E')], 2);
      expect(next.nextVersion).toBe(3);
      expect((await verifyChains(legacyStore)).ok).toBe(true);
    });

    it('chains a tail an older version wrote after hashed events, and what was appended to it meanwhile', async () => {
      const stream = `mixed-${randomUUID()}`;
      await legacyStore.append(stream, [newEvent('A'), newEvent('B')], 'no_stream');
      const hashedBefore = (await legacyStore.readStream(stream)).map((e) => e.hash);
      await writeUnhashed(stream, ['C'], 2);
      await legacyStore.append(stream, [newEvent('D')], 2); // follows an unhashed event: stays unhashed until the backfill

      expect((await legacyStore.readStream(stream)).map((e) => e.hash === undefined)).toEqual([false, false, true, true]);
      expect((await verifyChains(legacyStore)).firstBrokenLink).toMatchObject({ streamVersion: 2, problem: 'missing_hash' });

      await legacyStore.migrate();

      const events = await legacyStore.readStream(stream);
      expect(events.slice(0, 2).map((e) => e.hash)).toEqual(hashedBefore);
      expect(events[2].previousHash).toBe(hashedBefore[1]);
      expect(await verifyChains(legacyStore)).toMatchObject({ ok: true, checkedEvents: 4 });
    });

    it('pages through more rows than one backfill page', async () => {
      const stream = `long-${randomUUID()}`;
      await legacySql.query(
        `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata)
         SELECT gen_random_uuid(), $1, v, 'Step', 1, jsonb_build_object('v', v), '{"networkId":"network-1"}'::jsonb
           FROM generate_series(0, 5999) AS v`,
        [stream],
      );
      await legacySql.query('INSERT INTO streams (stream_id, version) VALUES ($1, 5999)', [stream]);

      await legacyStore.migrate();

      expect(await verifyChains(legacyStore)).toMatchObject({ ok: true, checkedEvents: 6000, checkedStreams: 1 });
    });
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

function newEvent(type: string, networkId = 'network-1'): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data: { type },
    metadata: {
      actor: { userId: 'user-1', role: 'coordinator' },
      networkId,
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

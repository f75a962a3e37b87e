import { Client, ClientBase, Pool, PoolClient } from 'pg';
import {
  AppendResult,
  ConcurrencyError,
  DuplicateEventError,
  EventMetadata,
  EventStore,
  EventStoreTransaction,
  ExpectedVersion,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedStreamVersion,
  StoredEvent,
} from '../event-store.port';
import { chainHashes, hashEvent } from '../hash-chain';

export interface PostgresEventStoreOptions {
  connectionString: string;
  poolSize?: number;
  /** How often listeners are woken even without a notification; 1000 ms when absent. */
  pollIntervalMs?: number;
}

const NOTIFY_CHANNEL = 'kreislauf_events';
/** Any constant works, as long as every process uses the same one. */
const MIGRATION_LOCK_KEY = 7_214_003_117;
const RECONNECT_DELAY_MS = 1000;
const UNIQUE_VIOLATION = '23505';
/** PostgreSQL allows at most 65535 parameters per statement; an event takes ten. */
const EVENTS_PER_INSERT = 1000;
/** Inserts of up to this many events are prepared statements. */
const PREPARED_INSERT_SIZES = 8;
/** Rows per page when a migration hashes events written before hash chains. */
const BACKFILL_PAGE = 5000;
/** Sorts before every stored position: sequences start at 1 and xid8 values above 2. */
const ORIGIN: GlobalPosition = { commit: 0n, prepare: 0n };

/**
 * Rows are readable only once every transaction that could still write before them has ended:
 * a transaction id below the snapshot's xmin belongs to a finished transaction, and every
 * transaction started later gets a higher id. See event-driven-io/emmett.
 */
const READABLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

// ORDER BY must name events.transaction_id: the bare name would sort by this text alias ("10000" < "9999").
const EVENT_COLUMNS = `transaction_id::text AS transaction_id, global_position, event_id, stream_id,
  stream_version, type, schema_version, data, metadata, recorded_at, hash, previous_hash`;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    event_id uuid NOT NULL UNIQUE,
    stream_id text NOT NULL,
    stream_version int NOT NULL,
    type text NOT NULL,
    schema_version int NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    hash bytea,
    previous_hash bytea,
    UNIQUE (stream_id, stream_version)
  );

  -- Stores created before hash chains: looked up first, since ALTER TABLE locks the table even when it changes nothing.
  DO $$
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'hash' AND NOT attisdropped) THEN
      ALTER TABLE events ADD COLUMN hash bytea, ADD COLUMN previous_hash bytea;
    END IF;
  END;
  $$;
  CREATE INDEX IF NOT EXISTS events_transaction_position ON events (transaction_id, global_position);
  -- Empty once every event is hashed; lets migrate() find the ones to backfill without reading them all.
  CREATE INDEX IF NOT EXISTS events_without_hash ON events (stream_id, stream_version) WHERE hash IS NULL;

  CREATE TABLE IF NOT EXISTS streams (
    stream_id text PRIMARY KEY,
    version int NOT NULL
  );

  CREATE OR REPLACE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'events are append-only: % on events is refused', TG_OP;
  END;
  $$;

  -- Looked up rather than re-created, so that a start does not lock the table against writers.
  DO $$
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'events_append_only' AND tgrelid = 'events'::regclass) THEN
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
    END IF;
  END;
  $$;
`;

interface EventRow {
  transaction_id: string;
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
  hash: Buffer | null;
  previous_hash: Buffer | null;
}

interface PositionRow {
  transaction_id: string;
  global_position: string;
}

interface StoredIdRow extends PositionRow {
  event_id: string;
  stream_id: string;
  stream_version: number;
  same_content: boolean;
}

interface InsertedRow extends PositionRow {
  stream_version: number;
}

export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly listeners = new Set<() => void>();
  private readonly pollIntervalMs: number;
  private listenClient: Client | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** A notification is on its way; `notifyAgain` asks for one more once it is sent. */
  private notifying = false;
  private notifyAgain = false;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle connection that dies (server restart, dropped database) is removed by the pool;
    // without a handler the 'error' event would end the process.
    this.pool.on('error', () => undefined);
    // A connection that breaks while checked out (a shutdown, pg_terminate_backend) emits 'error' on it, even
    // in the same read as its readiness, before its borrower could listen. Unheard, that would end the
    // process; the next statement on it fails with the error instead, and release() drops it.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /**
   * Creates the schema if it is missing and hashes the events written before hash chains; safe on every
   * start and from several processes at once.
   */
  async migrate(): Promise<void> {
    await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await client.query(SCHEMA);
      await backfillHashes(client);
    });
  }

  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    assertAppendable(events);
    let result: AppendResult;
    try {
      result = await this.inTransaction((client) => appendEvents(client, streamId, events, expectedVersion));
    } catch (error) {
      // The same event id went into another stream concurrently; a second attempt sees it stored
      // and answers with DuplicateEventError instead of a raw constraint error.
      if (!isUniqueViolation(error, 'events_event_id_key')) throw error;
      result = await this.inTransaction((client) => appendEvents(client, streamId, events, expectedVersion));
    }
    this.notifyCommitted();
    return result;
  }

  /**
   * Keep the work short: until the transaction ends, readAll holds back every event committed after it
   * began. A duplicate event id is not retried here as in append: the failed statement has aborted the
   * transaction, so the caller's whole work fails and may be run again.
   */
  async transaction<T>(work: (transaction: EventStoreTransaction) => Promise<T>): Promise<T> {
    let appended = false;
    const result = await this.inTransaction((client) =>
      work({
        append: async (streamId, events, expectedVersion) => {
          assertAppendable(events);
          const appendResult = await appendEvents(client, streamId, events, expectedVersion);
          appended = true;
          return appendResult;
        },
        readStream: (streamId, options) => readStreamWith(client, streamId, options),
        query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
      }),
    );
    if (appended) this.notifyCommitted();
    return result;
  }

  /**
   * Appends inside a transaction the caller has begun on `client` and will commit or roll back.
   * Lets a caller write other rows atomically with the events, and lets tests hold a transaction open.
   * Needs READ COMMITTED, and a short transaction: until it ends, readAll holds back every later event.
   * Notifies inside that transaction, since only the caller sees it commit.
   */
  async appendWithin(
    client: ClientBase,
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    assertAppendable(events);
    const result = await appendEvents(client, streamId, events, expectedVersion);
    await client.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, streamId]);
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return readStreamWith(this.pool, streamId, options);
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new Error(`readAll needs a positive integer limit, got ${options.limit}`);
    }
    const after = options.after ?? ORIGIN;
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) AND ${READABLE}
        ORDER BY events.transaction_id, events.global_position
        LIMIT $3`,
      [after.commit.toString(), after.prepare.toString(), options.limit],
    );
    return rows.map(toStoredEvent);
  }

  async headPosition(): Promise<GlobalPosition | null> {
    const { rows } = await this.pool.query<PositionRow>(
      `SELECT transaction_id::text AS transaction_id, global_position FROM events
        WHERE ${READABLE}
        ORDER BY events.transaction_id DESC, events.global_position DESC
        LIMIT 1`,
    );
    return rows.length === 0 ? null : toPosition(rows[0]);
  }

  async recordedStreamVersions(options: { afterStreamId?: string | null; limit: number }): Promise<RecordedStreamVersion[]> {
    const { rows } = await this.pool.query<{ stream_id: string; version: number }>(
      `SELECT stream_id, version FROM streams WHERE version >= 0 AND stream_id > $1 ORDER BY stream_id LIMIT $2`,
      [options.afterStreamId ?? '', options.limit],
    );
    return rows.map((row) => ({ streamId: row.stream_id, version: row.version }));
  }

  async countAfter(position: GlobalPosition | null): Promise<number> {
    const after = position ?? ORIGIN;
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM events
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) AND ${READABLE}`,
      [after.commit.toString(), after.prepare.toString()],
    );
    return Number(rows[0].count);
  }

  /**
   * Wakes listeners on every NOTIFY and also every pollIntervalMs: a notified event can still be
   * held back by an older open transaction, and nothing notifies when that one ends.
   */
  onAppended(listener: () => void): () => void {
    if (this.closed) throw new Error('The event store is closed');
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.startWatching();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.stopWatching();
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    await Promise.all([this.stopWatching(), this.pool.end()]);
  }

  private startWatching(): void {
    this.pollTimer = setInterval(() => this.wakeListeners(), this.pollIntervalMs);
    this.pollTimer.unref();
    void this.connectListenClient();
  }

  private async stopWatching(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.pollTimer = null;
    this.reconnectTimer = null;
    const client = this.listenClient;
    this.listenClient = null;
    await client?.end().catch(() => undefined); // it is going away either way
  }

  private async connectListenClient(): Promise<void> {
    const client = new Client({ connectionString: this.options.connectionString });
    this.listenClient = client;
    client.on('notification', () => this.wakeListeners());
    client.on('error', () => this.replaceListenClient(client));
    client.on('end', () => this.replaceListenClient(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      // Events appended while we were not listening would otherwise wait for the next poll.
      if (this.listenClient === client) this.wakeListeners();
    } catch {
      this.replaceListenClient(client);
    }
  }

  /** Called for a client that failed or ended; only the current one is replaced, and only while needed. */
  private replaceListenClient(client: Client): void {
    if (this.listenClient !== client) return;
    this.listenClient = null;
    void client.end().catch(() => undefined); // already broken
    if (this.closed || this.listeners.size === 0 || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closed && this.listeners.size > 0 && !this.listenClient) void this.connectListenClient();
    }, RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }

  /**
   * Wakes every listening process once the appending transaction has committed, from a connection of
   * its own: a transaction that notifies holds a cluster-wide lock from its commit until it ends, so
   * notifying inside appends would serialise their commits. Commits that land while a notification is
   * on its way share the next one.
   */
  private notifyCommitted(): void {
    if (this.closed) return;
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    void this.pool
      .query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, ''])
      .catch(() => undefined) // listeners are also woken every pollIntervalMs
      .finally(() => {
        this.notifying = false;
        if (!this.notifyAgain) return;
        this.notifyAgain = false;
        this.notifyCommitted();
      });
  }

  private wakeListeners(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        // One faulty listener must neither stop the others nor the timer and connection calling it.
        process.emitWarning(`An onAppended listener threw: ${String(error)}`);
      }
    }
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let result: T;
    try {
      await client.query('BEGIN');
      result = await work(client);
      await client.query('COMMIT');
    } catch (error) {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(!rolledBack); // a connection that cannot roll back is destroyed, not reused
      throw error;
    }
    client.release();
    return result;
  }
}

async function readStreamWith(db: Pick<ClientBase, 'query'>, streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events
      WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3
      ORDER BY stream_version`,
    [streamId, options.from ?? 0, options.to ?? 2147483647],
  );
  return rows.map(toStoredEvent);
}

function assertAppendable(events: NewEvent[]): void {
  if (events.length === 0) throw new Error('An append needs at least one event');
  const ids = new Set(events.map((event) => event.eventId.toLowerCase()));
  if (ids.size !== events.length) throw new Error('An append cannot contain the same event id twice');
}

/**
 * The append itself: locks the stream, answers a repeated append with its original result, checks the
 * expected version, and stores the events chained to the stream's last hash. Two statements in the
 * common case: one to lock and look up, one to insert and move the stream's version.
 */
async function appendEvents(
  client: ClientBase,
  streamId: string,
  events: NewEvent[],
  expectedVersion: ExpectedVersion,
): Promise<AppendResult> {
  const state = await lockAndLookUp(client, streamId, events);
  // Checked after the lock, so that a retry racing its original waits for it and then finds its events.
  const original = originalAppend(streamId, events, state.stored);
  if (original) return original;
  if (!matchesExpected(expectedVersion, state.version)) {
    throw new ConcurrencyError(streamId, expectedVersion, state.version);
  }
  const inserted = await insertEvents(client, streamId, state.version + 1, events, state.link);
  const last = inserted[inserted.length - 1];
  return { nextVersion: last.stream_version, position: toPosition(last) };
}

interface LockedStream {
  /** The stream's version, -1 for a new stream. */
  version: number;
  link: ChainLink;
  /** The events stored already under one of the incoming ids, in any stream. */
  stored: StoredIdRow[];
}

interface LockRow {
  version: number;
  recorded_at: Date;
  last_visible: boolean;
  previous_hash: Buffer | null;
  event_id: string | null;
  stream_id: string | null;
  stream_version: number | null;
  transaction_id: string | null;
  global_position: string | null;
  same_content: boolean | null;
}

/**
 * Locks the stream's row until the transaction ends (creating it for a new stream), and in the same
 * statement reads what the append needs: the stream's last hash, the transaction's clock, and the
 * events stored already under the incoming ids (one row each, or one row without them).
 */
const LOCK_AND_LOOK_UP = `
  WITH locked AS (
    INSERT INTO streams (stream_id, version) VALUES ($1, -1)
    ON CONFLICT (stream_id) DO UPDATE SET version = streams.version
    RETURNING version
  )
  SELECT locked.version, date_trunc('milliseconds', now()) AS recorded_at,
         last.stream_version IS NOT NULL AS last_visible, last.hash AS previous_hash,
         stored.event_id, stored.stream_id, stored.stream_version, stored.transaction_id, stored.global_position,
         stored.same_content
    FROM locked
    LEFT JOIN events last ON last.stream_id = $1 AND last.stream_version = locked.version
    LEFT JOIN LATERAL (
      SELECT e.event_id, e.stream_id, e.stream_version, e.transaction_id::text AS transaction_id, e.global_position,
             (e.type = n.type AND e.data = n.data) AS same_content
        FROM jsonb_to_recordset($2::jsonb) AS n(event_id uuid, type text, data jsonb)
        JOIN events e ON e.event_id = n.event_id
    ) stored ON true`;

async function lockAndLookUp(client: ClientBase, streamId: string, events: NewEvent[]): Promise<LockedStream> {
  const incoming = JSON.stringify(events.map((event) => ({ event_id: event.eventId, type: event.type, data: event.data })));
  let rows = (await client.query<LockRow>({ name: 'kreislauf_lock_stream', text: LOCK_AND_LOOK_UP, values: [streamId, incoming] })).rows;
  // A statement reads what had committed when it began. When it had to wait for the lock, the stream's
  // newest events are not among that; once the lock is held, the same statement reads them all.
  if (rows[0].version >= 0 && !rows[0].last_visible) {
    rows = (await client.query<LockRow>({ name: 'kreislauf_lock_stream', text: LOCK_AND_LOOK_UP, values: [streamId, incoming] })).rows;
    if (!rows[0].last_visible) throw new Error(`Stream ${streamId} has version ${rows[0].version} but no event at it`);
  }
  const [first] = rows;
  const previousHash = first.previous_hash?.toString('hex') ?? null;
  return {
    version: first.version,
    link: { recordedAt: first.recorded_at.toISOString(), previousHash, hashed: first.version === -1 || previousHash !== null },
    stored: rows.filter((row): row is LockRow & StoredIdRow => row.event_id !== null),
  };
}

/**
 * The result of the earlier append when all of these events are stored already in this stream with
 * the same content; null when none is stored; DuplicateEventError for anything in between.
 */
function originalAppend(streamId: string, events: NewEvent[], stored: StoredIdRow[]): AppendResult | null {
  if (stored.length === 0) return null;
  const foreign = stored.find((row) => row.stream_id !== streamId || !row.same_content);
  if (foreign) throw new DuplicateEventError(foreign.event_id);
  if (stored.length < events.length) throw new DuplicateEventError(stored[0].event_id);
  const last = stored.reduce((a, b) => (b.stream_version > a.stream_version ? b : a));
  return { nextVersion: last.stream_version, position: toPosition(last) };
}

function matchesExpected(expected: ExpectedVersion, actualVersion: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actualVersion === -1;
  return expected === actualVersion;
}

/** Where an append joins its stream's chain: the record time and the hash to chain to. */
interface ChainLink {
  /** The transaction's clock in whole milliseconds, so that it reads back into a JS Date unchanged. */
  recordedAt: string;
  /** The hash of the stream's last event; null for a new stream. */
  previousHash: string | null;
  /**
   * False when the stream's last event has no hash (written by an older version while this one already
   * ran): these events stay unhashed too, and the next migrate() chains them all in order.
   */
  hashed: boolean;
}

/** Rows come back in stream order, each with the position it took. */
async function insertEvents(
  client: ClientBase,
  streamId: string,
  firstVersion: number,
  events: NewEvent[],
  link: ChainLink,
): Promise<InsertedRow[]> {
  const stored = events.map((event, index) => ({
    ...event,
    eventId: event.eventId.toLowerCase(),
    streamId,
    streamVersion: firstVersion + index,
    recordedAt: link.recordedAt,
  }));
  const hashes = link.hashed ? chainHashes(stored, link.previousHash) : null;
  const inserted: InsertedRow[] = [];
  for (let start = 0; start < stored.length; start += EVENTS_PER_INSERT) {
    const chunk = stored.slice(start, start + EVENTS_PER_INSERT);
    const values: unknown[] = [];
    const tuples = chunk.map((event, index) => {
      const chained = hashes?.[start + index];
      values.push(
        event.eventId,
        streamId,
        event.streamVersion,
        event.type,
        event.schemaVersion,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        event.recordedAt,
        chained ? Buffer.from(chained.hash, 'hex') : null,
        chained?.previousHash ? Buffer.from(chained.previousHash, 'hex') : null,
      );
      const p = index * 10;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}::jsonb, $${p + 7}::jsonb, $${p + 8}::timestamptz, $${p + 9}::bytea, $${p + 10}::bytea)`;
    });
    // The stream's new version goes with the first rows; the lock keeps it from being seen before they commit.
    const moveVersion = start === 0;
    if (moveVersion) values.push(streamId, firstVersion + events.length - 1);
    const p = chunk.length * 10;
    const text = `${moveVersion ? `WITH moved AS (UPDATE streams SET version = $${p + 2} WHERE stream_id = $${p + 1}) ` : ''}
       INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash, previous_hash)
       VALUES ${tuples.join(', ')}
       RETURNING transaction_id::text AS transaction_id, global_position, stream_version`;
    // Prepared once per connection for the usual sizes of an append.
    const name = chunk.length <= PREPARED_INSERT_SIZES ? `kreislauf_insert_${chunk.length}${moveVersion ? '_moving' : ''}` : undefined;
    const { rows } = await client.query<InsertedRow>({ name, text, values });
    inserted.push(...rows);
  }
  return inserted.sort((a, b) => a.stream_version - b.stream_version);
}

/**
 * Hashes, in stream order, the events stored without a hash: those written before hash chains, and
 * those an older version appended while this one ran. Each is chained to the stored hash of the event
 * before it, so hashes already stored are never changed. Runs under the migration lock; the
 * append-only trigger is off only inside this transaction, and the streams table is locked so that no
 * append reads a previous hash before the backfill has written it.
 */
async function backfillHashes(client: ClientBase): Promise<number> {
  const pending = await client.query('SELECT 1 FROM events WHERE hash IS NULL LIMIT 1');
  if (pending.rowCount === 0) return 0;
  await client.query('LOCK TABLE streams IN EXCLUSIVE MODE');
  await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
  let hashed = 0;
  let after = { streamId: '', version: -1 };
  let carried: { streamId: string; hash: string | null } = { streamId: '', hash: null };
  for (;;) {
    const { rows } = await client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE stream_id IN (SELECT stream_id FROM events WHERE hash IS NULL)
          AND (stream_id, stream_version) > ($1, $2)
        ORDER BY stream_id, stream_version
        LIMIT $3`,
      [after.streamId, after.version, BACKFILL_PAGE],
    );
    if (rows.length === 0) break;
    const updates: { position: string[]; hash: Buffer[]; previous: Array<Buffer | null> } = { position: [], hash: [], previous: [] };
    for (const row of rows) {
      const event = toStoredEvent(row);
      const previous = carried.streamId === event.streamId ? carried.hash : null;
      let hash = event.hash ?? null;
      if (hash === null) {
        hash = hashEvent(event, previous);
        updates.position.push(row.global_position);
        updates.hash.push(Buffer.from(hash, 'hex'));
        updates.previous.push(previous === null ? null : Buffer.from(previous, 'hex'));
      }
      carried = { streamId: event.streamId, hash };
    }
    if (updates.position.length > 0) {
      await client.query(
        `UPDATE events e SET hash = u.hash, previous_hash = u.previous_hash
           FROM unnest($1::bigint[], $2::bytea[], $3::bytea[]) AS u(global_position, hash, previous_hash)
          WHERE e.global_position = u.global_position`,
        [updates.position, updates.hash, updates.previous],
      );
      hashed += updates.position.length;
    }
    const last = rows[rows.length - 1];
    after = { streamId: last.stream_id, version: last.stream_version };
  }
  await client.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
  return hashed;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === UNIQUE_VIOLATION && violated === constraint;
}

function toPosition(row: PositionRow): GlobalPosition {
  return { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) };
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    position: toPosition(row),
    recordedAt: row.recorded_at.toISOString(),
    ...(row.hash ? { hash: row.hash.toString('hex'), previousHash: row.previous_hash?.toString('hex') ?? null } : {}),
  };
}

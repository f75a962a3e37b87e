import { Client } from 'pg';

/** First key of the two-int session advisory locks that say which process runs a projection. */
export const LEASE_NAMESPACE = 7_312;

export interface ProjectionLeasesOptions {
  connectionString: string;
  /** How long a process that holds no connection waits before it connects again. */
  reconnectDelayMs?: number;
}

/**
 * Which projections this process runs: a projection is leased to the process whose own connection holds
 * the session advisory lock (LEASE_NAMESPACE, hashtext(name)). A process that ends, even by SIGKILL,
 * loses its connection and with it its leases; the others take them over on their next try.
 */
export class ProjectionLeases {
  private client: Client | null = null;
  private connecting: Promise<Client | null> | null = null;
  private readonly held = new Set<string>();
  private notBefore = 0;
  private closed = false;

  constructor(private readonly options: ProjectionLeasesOptions) {}

  /** The projections this process holds now. */
  get names(): string[] {
    return [...this.held];
  }

  /** Whether this process runs the projection: true if it holds the lease or takes it now. */
  async acquire(name: string): Promise<boolean> {
    if (this.held.has(name)) return true;
    const client = await this.connected();
    if (!client) return false;
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [LEASE_NAMESPACE, name]);
      // The connection may have died while the answer was under way: only a live one holds anything.
      if (rows[0].locked && this.client === client) this.held.add(name);
      return this.held.has(name);
    } catch {
      this.lose(client);
      return false;
    }
  }

  /** Gives up every lease by closing the connection that holds them. */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting);
    this.lose(client);
    await client?.end().catch(() => undefined); // closing either way
  }

  private async connected(): Promise<Client | null> {
    if (this.client) return this.client;
    if (this.closed || Date.now() < this.notBefore) return null;
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<Client | null> {
    const client = new Client({ connectionString: this.options.connectionString });
    client.on('error', () => this.lose(client));
    client.on('end', () => this.lose(client));
    try {
      await client.connect();
    } catch {
      this.notBefore = Date.now() + (this.options.reconnectDelayMs ?? 1000);
      await client.end().catch(() => undefined); // never connected
      return null;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return null;
    }
    this.client = client;
    return client;
  }

  /** A connection that failed or ended held nothing any more: the server released its locks. */
  private lose(client: Client | null): void {
    if (!client || this.client !== client) return;
    this.client = null;
    this.held.clear();
    void client.end().catch(() => undefined); // already broken
  }
}

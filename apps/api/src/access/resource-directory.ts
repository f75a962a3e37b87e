import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CycleNotFound, PersonNotFound } from '@kreislauf/domain';
import { EVENT_STORE, EventStore } from '@kreislauf/event-store';
import { CycleRow, NetworkRoleRow } from '@kreislauf/read-models';
import { Role } from './access-policy';
import { ReadModelPositions } from '@kreislauf/storage';
import { DataSource } from 'typeorm';

const CYCLE_LOOKUP_WAIT_MS = 5000;
const CACHE_LIMIT = 10_000;

/** The network a goal or a cycle belongs to. It never changes, so answers are cached. */
@Injectable()
export class ResourceDirectory {
  private readonly cache = new Map<string, string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly positions: ReadModelPositions,
  ) {}

  /**
   * From the first event of the stream `<kind>-<id>` (a goal, an organisation, a body, a meeting, an offer),
   * which names its network: consistent even for a resource created a moment ago.
   */
  async networkOfStream(kind: string, id: string, notFound: () => Error): Promise<string> {
    return this.cached(`${kind}:${id}`, async () => {
      const [first] = await this.store.readStream(`${kind}-${id}`, { to: 0 });
      const networkId = first?.data.networkId;
      if (typeof networkId !== 'string') throw notFound();
      return networkId;
    });
  }


  /** Cycles live in their network's stream; the cycles read model knows which. A brand-new cycle may need a moment. */
  async networkOfCycle(cycleId: string): Promise<string> {
    return this.cached(`cycle:${cycleId}`, async () => {
      const find = async () => (await this.dataSource.manager.findOneBy(CycleRow, { id: cycleId }))?.networkId;
      const found = (await find()) ?? ((await this.positions.waitForHead(CYCLE_LOOKUP_WAIT_MS)) ? await find() : undefined);
      if (!found) throw new CycleNotFound(cycleId);
      return found;
    });
  }

  /**
   * The network a person was named in, kept with their key. Null for a person sealed before networks were kept
   * whom no event names (or whose events live in EventStoreDB): no network's, so only an administrator may act.
   */
  async networkOfPerson(personId: string): Promise<string | null> {
    const key = `person:${personId}`;
    const known = this.cache.get(key);
    if (known) return known;
    const [row] = await this.dataSource.query(`SELECT network_id FROM personal_data_keys WHERE person_id = $1`, [personId]);
    if (!row) throw new PersonNotFound(personId);
    if (row.network_id !== null) this.remember(key, row.network_id);
    return row.network_id;
  }

  /** Roles granted to a person in any network. */
  async grantedRolesAnywhere(userId: string): Promise<Role[]> {
    const rows = await this.dataSource.manager.findBy(NetworkRoleRow, { userId });
    return [...new Set(rows.map((row) => row.role as Role))];
  }

  /** Roles granted to a person in a network (not cached: a revocation takes effect at once). */
  async grantedRoles(userId: string, networkId: string): Promise<Role[]> {
    const rows = await this.dataSource.manager.findBy(NetworkRoleRow, { userId, networkId });
    return rows.map((row) => row.role as Role);
  }

  private async cached(key: string, lookup: () => Promise<string>): Promise<string> {
    const known = this.cache.get(key);
    if (known) return known;
    const networkId = await lookup();
    this.remember(key, networkId);
    return networkId;
  }

  private remember(key: string, networkId: string): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, networkId);
  }
}

import { CycleClosed, CycleOpened, CyclePhaseEntered, LeitbildAdopted, LeitbildDrafted, NETWORK_EVENT_TYPES, NetworkEvent, NetworkRegistered } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager, In } from 'typeorm';
import { Projection } from '../projection';
import { idOfStream } from '../stream-ids';
import { CycleRow, LeitbildVersionRow, NetworkRoleRow, NetworkRow } from './network.entities';

/** Networks with their cycles, granted roles and Leitbild versions, from the network streams. */
export class NetworksProjection implements Projection {
  readonly name = 'networks';
  readonly eventTypes = NETWORK_EVENT_TYPES;
  readonly tables = ['rm_cycles', 'rm_network_roles', 'rm_leitbild_versions', 'rm_networks'];

  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const relevant = events.filter((event) => this.eventTypes.includes(event.type as NetworkEvent['type']));
    if (relevant.length === 0) return;
    const networkIds = [...new Set(relevant.map((event) => idOfStream(event.streamId)))];
    const networks = new Map((await manager.findBy(NetworkRow, { id: In(networkIds) })).map((row) => [row.id, row]));
    const cycles = new Map((await manager.findBy(CycleRow, { networkId: In(networkIds) })).map((row) => [row.id, row]));
    const leitbild = new Map((await manager.findBy(LeitbildVersionRow, { networkId: In(networkIds) })).map((row) => [leitbildKey(row), row]));
    const touchedLeitbild = new Set<string>();
    const touchedCycles = new Set<string>();
    /** Grants in the order the batch changed them; null: revoked. */
    const grants = new Map<string, NetworkRoleRow | null>();

    for (const event of relevant) {
      const networkId = idOfStream(event.streamId);
      const network = networks.get(networkId);
      if (network && event.streamVersion <= network.version) continue; // applied before
      const domainEvent = event as unknown as NetworkEvent;
      if (domainEvent.type === 'NetworkRegistered') {
        networks.set(networkId, registeredRow(networkId, domainEvent, event.streamVersion));
        continue;
      }
      if (!network) continue; // cannot happen: a network stream starts with its registration
      network.version = event.streamVersion;
      if (domainEvent.type === 'RoleGranted' || domainEvent.type === 'RoleRevoked') {
        const { userId, role } = domainEvent.data;
        const key = JSON.stringify([networkId, userId, role]);
        grants.delete(key); // keep the map in the batch's order of changes
        grants.set(key, domainEvent.type === 'RoleGranted' ? Object.assign(new NetworkRoleRow(), { networkId, userId, role, grantedOn: domainEvent.data.grantedOn }) : null);
        continue;
      }
      if (domainEvent.type === 'LeitbildDrafted' || domainEvent.type === 'LeitbildAdopted') {
        for (const row of applyToLeitbild(leitbild, networkId, domainEvent)) touchedLeitbild.add(leitbildKey(row));
        continue;
      }
      const cycle = applyToCycle(cycles, networkId, domainEvent);
      touchedCycles.add(cycle.id);
      if (domainEvent.type === 'CycleOpened') network.openCycleId = cycle.id;
      if (domainEvent.type === 'CycleClosed' && network.openCycleId === cycle.id) network.openCycleId = null;
    }

    await manager.upsert(NetworkRow, [...networks.values()].filter((row) => networkIds.includes(row.id)), ['id']);
    const cycleRows = [...touchedCycles].map((id) => cycles.get(id)!);
    if (cycleRows.length > 0) await manager.upsert(CycleRow, cycleRows, ['id']);
    const leitbildRows = [...touchedLeitbild].map((key) => leitbild.get(key)!);
    if (leitbildRows.length > 0) await manager.upsert(LeitbildVersionRow, leitbildRows, ['networkId', 'version']);
    for (const [key, grant] of grants) {
      const [networkId, userId, role] = JSON.parse(key) as string[];
      if (grant) await manager.upsert(NetworkRoleRow, grant, ['networkId', 'userId', 'role']);
      else await manager.delete(NetworkRoleRow, { networkId, userId, role });
    }
  }
}

function registeredRow(id: string, event: NetworkRegistered, version: number): NetworkRow {
  const { data } = event;
  return Object.assign(new NetworkRow(), {
    id,
    name: data.name,
    region: data.region,
    responsibleBody: data.responsibleBody,
    municipalities: data.municipalities,
    programme: data.programme,
    registeredOn: data.registeredOn,
    openCycleId: null,
    version,
  });
}

function applyToCycle(
  cycles: Map<string, CycleRow>,
  networkId: string,
  event: CycleOpened | CyclePhaseEntered | CycleClosed,
): CycleRow {
  const { cycleId } = event.data;
  switch (event.type) {
    case 'CycleOpened': {
      const row = Object.assign(new CycleRow(), {
        id: cycleId,
        networkId,
        title: event.data.title,
        periodFrom: event.data.periodFrom,
        periodTo: event.data.periodTo,
        openedOn: event.data.openedOn,
        status: 'open',
        currentPhase: null,
        phases: [],
        closedOn: null,
      });
      cycles.set(cycleId, row);
      return row;
    }
    case 'CyclePhaseEntered': {
      const row = cycles.get(cycleId)!;
      row.currentPhase = event.data.phase;
      row.phases = [...row.phases, { phase: event.data.phase, enteredOn: event.data.enteredOn }];
      return row;
    }
    case 'CycleClosed': {
      const row = cycles.get(cycleId)!;
      row.status = 'closed';
      row.closedOn = event.data.closedOn;
      return row;
    }
  }
}

function leitbildKey(row: { networkId: string; version: number }): string {
  return `${row.networkId} ${row.version}`;
}

/** The rows an event changes: a new draft, or the adopted version and the one it supersedes. */
function applyToLeitbild(rows: Map<string, LeitbildVersionRow>, networkId: string, event: LeitbildDrafted | LeitbildAdopted): LeitbildVersionRow[] {
  if (event.type === 'LeitbildDrafted') {
    const { version, revisesVersion, vision, principles, draftedOn } = event.data;
    const row = Object.assign(new LeitbildVersionRow(), {
      networkId,
      version,
      revisesVersion,
      vision,
      principles,
      draftedOn,
      status: 'draft',
      adoptedOn: null,
      decisionId: null,
      supersededOn: null,
    });
    rows.set(leitbildKey(row), row);
    return [row];
  }
  const { version, adoptedOn, decisionId, supersedesVersion } = event.data;
  const adopted = rows.get(leitbildKey({ networkId, version }));
  const changed: LeitbildVersionRow[] = [];
  if (adopted) changed.push(Object.assign(adopted, { status: 'in_force', adoptedOn, decisionId }));
  const superseded = supersedesVersion === null ? undefined : rows.get(leitbildKey({ networkId, version: supersedesVersion }));
  if (superseded) changed.push(Object.assign(superseded, { status: 'superseded', supersededOn: adoptedOn }));
  return changed;
}

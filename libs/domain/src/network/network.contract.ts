import { CyclePhase } from '../catalogues/cycle-phases';
import { NetworkRole } from '../catalogues/network-roles';
import { DomainEvent, IsoDate } from '../domain-event';
import { addDefaults, EventContract, FIRST_VERSION } from '../event-contract';
import { LeitbildAdopted, LeitbildDrafted } from '../leitbild/leitbild.events';

// The stored shape of each network event (cycles and the Leitbild live in the network's stream:
// "at most one open cycle per network" is then one stream's rule). A field changes only with a new
// schema version and an upcaster from the version before.

export interface NetworkRegisteredData {
  name: string;
  region: string;
  responsibleBody: string;
  municipalities: string[];
  programme: string | null;
  registeredOn: IsoDate;
}

/** Version 2 added carriedOverGoalIds: the goals carried over from the cycle before. */
export interface CycleOpenedData {
  cycleId: string;
  title: string;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  openedOn: IsoDate;
  carriedOverGoalIds: string[];
}

export interface CyclePhaseEnteredData {
  cycleId: string;
  phase: CyclePhase;
  enteredOn: IsoDate;
}

/** Version 2 added carriedOverGoalIds: the goals still active, which the next cycle carries over. */
export interface CycleClosedData {
  cycleId: string;
  closedOn: IsoDate;
  carriedOverGoalIds: string[];
}

export interface RoleGrantedData {
  userId: string;
  role: NetworkRole;
  grantedOn: IsoDate;
}

export interface RoleRevokedData {
  userId: string;
  role: NetworkRole;
  revokedOn: IsoDate;
}

export type NetworkRegistered = DomainEvent<'NetworkRegistered', NetworkRegisteredData>;
export type CycleOpened = DomainEvent<'CycleOpened', CycleOpenedData>;
export type CyclePhaseEntered = DomainEvent<'CyclePhaseEntered', CyclePhaseEnteredData>;
export type CycleClosed = DomainEvent<'CycleClosed', CycleClosedData>;
export type RoleGranted = DomainEvent<'RoleGranted', RoleGrantedData>;
export type RoleRevoked = DomainEvent<'RoleRevoked', RoleRevokedData>;

export type NetworkEvent = NetworkRegistered | CycleOpened | CyclePhaseEntered | CycleClosed | RoleGranted | RoleRevoked | LeitbildDrafted | LeitbildAdopted;

export const networkEventRegistry = {
  NetworkRegistered: FIRST_VERSION,
  // Before version 2 nothing was carried over.
  CycleOpened: { version: 2, upcasters: { 1: addDefaults({ carriedOverGoalIds: [] }) } },
  CyclePhaseEntered: FIRST_VERSION,
  CycleClosed: { version: 2, upcasters: { 1: addDefaults({ carriedOverGoalIds: [] }) } },
  RoleGranted: FIRST_VERSION,
  RoleRevoked: FIRST_VERSION,
  LeitbildDrafted: FIRST_VERSION,
  LeitbildAdopted: FIRST_VERSION,
} as const satisfies Record<NetworkEvent['type'], EventContract>;

export const NETWORK_EVENT_TYPES = Object.keys(networkEventRegistry) as NetworkEvent['type'][];

/** A network's events, its cycles' and its Leitbild's, live in one stream. */
export const networkStreamOf = (networkId: string): string => `network-${networkId}`;

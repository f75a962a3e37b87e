import { DomainEvent } from '../domain-event';
import { LeitbildAdopted, LeitbildDrafted } from '../leitbild/leitbild.events';
import { CloseCycle, EnterCyclePhase, GrantRole, OpenCycle, RegisterNetwork, RevokeRole } from './network.commands';

// Cycles live in the network's stream: "at most one open cycle per network" is then one stream's rule.
export type NetworkRegistered = DomainEvent<'NetworkRegistered', RegisterNetwork['data']>;
/** Since schema version 2 a cycle names the goals it carries over from the cycle before. */
export type CycleOpened = DomainEvent<'CycleOpened', OpenCycle['data'] & { carriedOverGoalIds: string[] }>;
export type CyclePhaseEntered = DomainEvent<'CyclePhaseEntered', EnterCyclePhase['data']>;
/** Since schema version 2 a closed cycle names its goals still active, which the next cycle carries over. */
export type CycleClosed = DomainEvent<'CycleClosed', CloseCycle['data'] & { carriedOverGoalIds: string[] }>;

export type RoleGranted = DomainEvent<'RoleGranted', GrantRole['data']>;
export type RoleRevoked = DomainEvent<'RoleRevoked', RevokeRole['data']>;

export type NetworkEvent = NetworkRegistered | CycleOpened | CyclePhaseEntered | CycleClosed | RoleGranted | RoleRevoked | LeitbildDrafted | LeitbildAdopted;

export const NETWORK_EVENT_TYPES: NetworkEvent['type'][] = [
  'NetworkRegistered',
  'CycleOpened',
  'CyclePhaseEntered',
  'CycleClosed',
  'RoleGranted',
  'RoleRevoked',
  'LeitbildDrafted',
  'LeitbildAdopted',
];

/** The business date of a network event: when it happened, as opposed to when it was recorded. */
export function networkEventOccurredOn(event: NetworkEvent): string {
  switch (event.type) {
    case 'NetworkRegistered':
      return event.data.registeredOn;
    case 'CycleOpened':
      return event.data.openedOn;
    case 'CyclePhaseEntered':
      return event.data.enteredOn;
    case 'CycleClosed':
      return event.data.closedOn;
    case 'RoleGranted':
      return event.data.grantedOn;
    case 'RoleRevoked':
      return event.data.revokedOn;
    case 'LeitbildDrafted':
      return event.data.draftedOn;
    case 'LeitbildAdopted':
      return event.data.adoptedOn;
  }
}

import { DomainEvent } from '../domain-event';
import { CloseCycle, EnterCyclePhase, GrantRole, OpenCycle, RegisterNetwork, RevokeRole } from './network.commands';

// Cycles live in the network's stream: "at most one open cycle per network" is then one stream's rule.
export type NetworkRegistered = DomainEvent<'NetworkRegistered', RegisterNetwork['data']>;
export type CycleOpened = DomainEvent<'CycleOpened', OpenCycle['data']>;
export type CyclePhaseEntered = DomainEvent<'CyclePhaseEntered', EnterCyclePhase['data']>;
export type CycleClosed = DomainEvent<'CycleClosed', CloseCycle['data']>;

export type RoleGranted = DomainEvent<'RoleGranted', GrantRole['data']>;
export type RoleRevoked = DomainEvent<'RoleRevoked', RevokeRole['data']>;

export type NetworkEvent = NetworkRegistered | CycleOpened | CyclePhaseEntered | CycleClosed | RoleGranted | RoleRevoked;

export const NETWORK_EVENT_TYPES: NetworkEvent['type'][] = [
  'NetworkRegistered',
  'CycleOpened',
  'CyclePhaseEntered',
  'CycleClosed',
  'RoleGranted',
  'RoleRevoked',
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
  }
}

import { assertNever } from '../event-contract';
import { NetworkEvent } from './network.contract';

export * from './network.contract';

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
    default:
      return assertNever(event, 'network event');
  }
}

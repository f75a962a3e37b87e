import { assertNever } from '../event-contract';
import { OrganisationEvent } from './organisation.contract';

export * from './organisation.contract';

/** The business date of an organisation event. */
export function organisationEventOccurredOn(event: OrganisationEvent): string {
  switch (event.type) {
    case 'OrganisationJoined':
      return event.data.joinedOn;
    case 'OrganisationDescribed':
      return event.data.describedOn;
    case 'OrganisationLeft':
      return event.data.leftOn;
    default:
      return assertNever(event, 'organisation event');
  }
}

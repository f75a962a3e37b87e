import { DomainEvent } from '../domain-event';
import { DescribeOrganisation, JoinOrganisation, LeaveOrganisation } from './organisation.commands';

export type OrganisationJoined = DomainEvent<'OrganisationJoined', JoinOrganisation['data']>;
export type OrganisationDescribed = DomainEvent<'OrganisationDescribed', DescribeOrganisation['data']>;
export type OrganisationLeft = DomainEvent<'OrganisationLeft', LeaveOrganisation['data']>;

export type OrganisationEvent = OrganisationJoined | OrganisationDescribed | OrganisationLeft;

export const ORGANISATION_EVENT_TYPES: OrganisationEvent['type'][] = ['OrganisationJoined', 'OrganisationDescribed', 'OrganisationLeft'];

/** The business date of an organisation event. */
export function organisationEventOccurredOn(event: OrganisationEvent): string {
  switch (event.type) {
    case 'OrganisationJoined':
      return event.data.joinedOn;
    case 'OrganisationDescribed':
      return event.data.describedOn;
    case 'OrganisationLeft':
      return event.data.leftOn;
  }
}

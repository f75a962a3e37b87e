import { Sector } from '../catalogues/sectors';
import { DomainEvent, IsoDate } from '../domain-event';
import { EventContract, FIRST_VERSION } from '../event-contract';
import { SealedPersonalData } from '../personal-data';

// The stored shape of each organisation event. These types are the stored format: a field changes only with
// a new schema version and an upcaster from the version before.

/** What a member organisation is and does in the network: stored whole on joining and with each description. */
export interface OrganisationDescriptionData {
  name: string;
  sector: Sector;
  /** The child-protection co-operation law (KKG § 3) names it as a partner of the network. */
  namedInKkg: boolean;
  tasks: string;
  mandates: string;
  roles: string;
  resources: string;
  limits: string;
  /** Sealed; the domain never opens it. */
  contactPerson: SealedPersonalData | null;
}

export interface OrganisationJoinedData extends OrganisationDescriptionData {
  networkId: string;
  joinedOn: IsoDate;
}

export interface OrganisationDescribedData extends OrganisationDescriptionData {
  describedOn: IsoDate;
}

export interface OrganisationLeftData {
  leftOn: IsoDate;
  reason: string;
}

export type OrganisationJoined = DomainEvent<'OrganisationJoined', OrganisationJoinedData>;
export type OrganisationDescribed = DomainEvent<'OrganisationDescribed', OrganisationDescribedData>;
export type OrganisationLeft = DomainEvent<'OrganisationLeft', OrganisationLeftData>;

export type OrganisationEvent = OrganisationJoined | OrganisationDescribed | OrganisationLeft;

export const organisationEventRegistry = {
  OrganisationJoined: FIRST_VERSION,
  OrganisationDescribed: FIRST_VERSION,
  OrganisationLeft: FIRST_VERSION,
} as const satisfies Record<OrganisationEvent['type'], EventContract>;

export const ORGANISATION_EVENT_TYPES = Object.keys(organisationEventRegistry) as OrganisationEvent['type'][];

/** An organisation's events live in one stream of its own. */
export const organisationStreamOf = (organisationId: string): string => `organisation-${organisationId}`;

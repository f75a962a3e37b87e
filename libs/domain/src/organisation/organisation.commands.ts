import { Sector } from '../catalogues/sectors';
import { IsoDate } from '../domain-event';
import { SealedPersonalData } from '../personal-data';

/** What a member organisation is and does in the network: set on joining, changed by a description. */
export interface OrganisationDescription {
  name: string;
  sector: Sector;
  /** The child-protection co-operation law (KKG § 3) names it as a partner of the network. */
  namedInKkg: boolean;
  tasks: string;
  mandates: string;
  roles: string;
  resources: string;
  limits: string;
  /** Sealed by the handler before the command is decided; the domain never opens it. */
  contactPerson: SealedPersonalData | null;
}

/** What the handler found in the network's stream. */
export interface JoinFacts {
  network: { registered: boolean };
}

export interface JoinOrganisation {
  type: 'JoinOrganisation';
  organisationId: string;
  data: OrganisationDescription & { networkId: string; joinedOn: IsoDate };
  facts: JoinFacts;
}

export interface DescribeOrganisation {
  type: 'DescribeOrganisation';
  organisationId: string;
  data: OrganisationDescription & { describedOn: IsoDate };
}

export interface LeaveOrganisation {
  type: 'LeaveOrganisation';
  organisationId: string;
  data: { leftOn: IsoDate; reason: string };
}

export type OrganisationCommand = JoinOrganisation | DescribeOrganisation | LeaveOrganisation;

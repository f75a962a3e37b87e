import { BodyKind } from '../catalogues/decision-subjects';
import { IsoDate } from '../domain-event';
import { SealedPersonalData } from '../personal-data';

/** A member organisation in a body, with the person who represents it there (sealed by the handler). */
export interface BodyMember {
  organisationId: string;
  representative: SealedPersonalData | null;
}

/** What the handler found in the network's and the named organisations' streams. */
export interface MembershipFacts {
  network: { registered: boolean };
  /** Per named organisation id; null when no such organisation exists. */
  organisations: Record<string, { networkId: string; joinedOn: IsoDate; leftOn: IsoDate | null } | null>;
}

export interface EstablishBody {
  type: 'EstablishBody';
  bodyId: string;
  data: { networkId: string; kind: BodyKind; name: string; meetingsPerYear: number; members: BodyMember[]; establishedOn: IsoDate };
  facts: MembershipFacts;
}

export interface ChangeBodyMembers {
  type: 'ChangeBodyMembers';
  bodyId: string;
  data: { members: BodyMember[]; changedOn: IsoDate };
  facts: MembershipFacts;
}

export interface DissolveBody {
  type: 'DissolveBody';
  bodyId: string;
  data: { dissolvedOn: IsoDate; reason: string };
}

export type BodyCommand = EstablishBody | ChangeBodyMembers | DissolveBody;

import { IsoDate } from '../domain-event';

/** What a listing sets and a revision may change: who offers what, for whom, where and when. */
export interface OfferContent {
  title: string;
  description: string;
  providerOrganisationId: string;
  /** Keys of the life-phase catalogue. */
  lifePhases: string[];
  /** Districts of the network: entries of its `municipalities`. */
  districts: string[];
  /** Short names of the families the offer addresses, e.g. "Alleinerziehende". */
  targetGroups: string[];
  startsOn: IsoDate;
  endsOn: IsoDate | null;
}

export interface OfferListing extends OfferContent {
  networkId: string;
  /** The day the offer was taken into the landscape (business time); it may start later. */
  listedOn: IsoDate;
}

/** What the handler found in other streams: the network's districts and the provider's membership. */
export interface OfferFacts {
  network: { municipalities: string[] } | null;
  provider: { networkId: string; left: boolean } | null;
}

export interface ListOffer {
  type: 'ListOffer';
  offerId: string;
  data: OfferListing;
  facts: OfferFacts;
}

export interface ReviseOffer {
  type: 'ReviseOffer';
  offerId: string;
  data: OfferContent & { revisedOn: IsoDate };
  facts: OfferFacts;
}

export interface WithdrawOffer {
  type: 'WithdrawOffer';
  offerId: string;
  data: { withdrawnOn: IsoDate; reason: string };
}

export type OfferCommand = ListOffer | ReviseOffer | WithdrawOffer;

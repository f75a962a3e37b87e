import { DomainEvent, IsoDate } from '../domain-event';
import { EventContract, FIRST_VERSION } from '../event-contract';

// The stored shape of each offer event. These types are the stored format: a field changes only with a new
// schema version and an upcaster from the version before.

/** Who offers what, for whom, where and when: what a listing sets and a revision replaces whole. */
export interface OfferContentData {
  title: string;
  description: string;
  providerOrganisationId: string;
  /** Keys of the life-phase catalogue. */
  lifePhases: string[];
  /** Districts of the network: entries of its `municipalities`. */
  districts: string[];
  targetGroups: string[];
  startsOn: IsoDate;
  endsOn: IsoDate | null;
}

export interface OfferListedData extends OfferContentData {
  networkId: string;
  /** The day the offer was taken into the landscape; it may start later. */
  listedOn: IsoDate;
}

export interface OfferRevisedData extends OfferContentData {
  revisedOn: IsoDate;
}

export interface OfferWithdrawnData {
  withdrawnOn: IsoDate;
  reason: string;
}

export type OfferListed = DomainEvent<'OfferListed', OfferListedData>;
export type OfferRevised = DomainEvent<'OfferRevised', OfferRevisedData>;
export type OfferWithdrawn = DomainEvent<'OfferWithdrawn', OfferWithdrawnData>;

export type OfferEvent = OfferListed | OfferRevised | OfferWithdrawn;

export const offerEventRegistry = {
  OfferListed: FIRST_VERSION,
  OfferRevised: FIRST_VERSION,
  OfferWithdrawn: FIRST_VERSION,
} as const satisfies Record<OfferEvent['type'], EventContract>;

export const OFFER_EVENT_TYPES = Object.keys(offerEventRegistry) as OfferEvent['type'][];

/** An offer's events live in one stream of its own. */
export const offerStreamOf = (offerId: string): string => `offer-${offerId}`;

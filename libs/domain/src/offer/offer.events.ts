import { DomainEvent } from '../domain-event';
import { OfferListing, ReviseOffer, WithdrawOffer } from './offer.commands';

export type OfferListed = DomainEvent<'OfferListed', OfferListing>;
export type OfferRevised = DomainEvent<'OfferRevised', ReviseOffer['data']>;
export type OfferWithdrawn = DomainEvent<'OfferWithdrawn', WithdrawOffer['data']>;

export type OfferEvent = OfferListed | OfferRevised | OfferWithdrawn;

export const OFFER_EVENT_TYPES: OfferEvent['type'][] = ['OfferListed', 'OfferRevised', 'OfferWithdrawn'];

/** The business date of an offer event. */
export function offerEventOccurredOn(event: OfferEvent): string {
  switch (event.type) {
    case 'OfferListed':
      return event.data.listedOn;
    case 'OfferRevised':
      return event.data.revisedOn;
    case 'OfferWithdrawn':
      return event.data.withdrawnOn;
  }
}

import { assertNever } from '../event-contract';
import { OfferEvent } from './offer.contract';

export * from './offer.contract';

/** The business date of an offer event. */
export function offerEventOccurredOn(event: OfferEvent): string {
  switch (event.type) {
    case 'OfferListed':
      return event.data.listedOn;
    case 'OfferRevised':
      return event.data.revisedOn;
    case 'OfferWithdrawn':
      return event.data.withdrawnOn;
    default:
      return assertNever(event, 'offer event');
  }
}

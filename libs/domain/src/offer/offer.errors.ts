import { DomainError } from '../domain-error';

export class OfferNotFound extends DomainError {
  readonly code = 'offer.not_found';
  override readonly kind = 'not_found';
  constructor(offerId: string) {
    super(`Offer ${offerId} does not exist`, { offerId });
  }
}

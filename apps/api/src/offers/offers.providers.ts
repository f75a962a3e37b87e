import { Provider, Type } from '@nestjs/common';
import { ListOfferHandler, ReviseOfferHandler, WithdrawOfferHandler } from './offer-command.handlers';
import { GetOfferHandler, GetOfferLandscapeHandler, ListOffersHandler } from './offer.queries';
import { NetworkOffersController, OffersController } from './offers.controller';

/** The offer landscape: controllers and providers the api module registers. */
export const OFFER_CONTROLLERS: Type[] = [NetworkOffersController, OffersController];
export const OFFER_PROVIDERS: Provider[] = [
  ListOfferHandler,
  ReviseOfferHandler,
  WithdrawOfferHandler,
  GetOfferHandler,
  ListOffersHandler,
  GetOfferLandscapeHandler,
];

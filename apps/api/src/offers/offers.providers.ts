import { Provider, Type } from '@nestjs/common';
import { GetOfferHandler, GetOfferLandscapeHandler, ListOffersHandler } from './offer.queries';
import { OfferWrites } from './offer.writes';
import { NetworkOffersController, OffersController } from './offers.controller';

/** The offer landscape: controllers and providers the api module registers. */
export const OFFER_CONTROLLERS: Type[] = [NetworkOffersController, OffersController];
export const OFFER_PROVIDERS: Provider[] = [
  OfferWrites,
  GetOfferHandler,
  ListOffersHandler,
  GetOfferLandscapeHandler,
];

import { Offers1764300000000 } from '../migrations/1764300000000-offers';
import { Projection } from '../projection';
import { OfferRow } from './offer.entity';
import { OffersProjection } from './offers.projection';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity and migration classes as Function
type EntityOrMigration = Function;

/** The offer landscape: its entities, migrations, projections and tables. */
export const OFFER_ENTITIES: EntityOrMigration[] = [OfferRow];
export const OFFER_MIGRATIONS: EntityOrMigration[] = [Offers1764300000000];
export const OFFER_TABLES: Record<string, string> = { rm_offers: 'id' };

export function offerProjections(): Projection[] {
  return [new OffersProjection()];
}

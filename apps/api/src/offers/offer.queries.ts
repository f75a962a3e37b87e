import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { NetworkNotFound, OfferNotFound } from '@kreislauf/domain';
import { NetworkRow, OfferLandscape, offerLandscape, OfferRow } from '@kreislauf/read-models';
import { Brackets, DataSource, EntityManager } from 'typeorm';

export class GetOffer extends Query<OfferRow> {
  constructor(readonly offerId: string) {
    super();
  }
}

/** The offers of a network running on a day, or without a day all that are not withdrawn. */
export class ListOffers extends Query<OfferRow[]> {
  constructor(
    readonly networkId: string,
    readonly on?: string,
  ) {
    super();
  }
}

export class GetOfferLandscape extends Query<OfferLandscape & { networkId: string }> {
  constructor(
    readonly networkId: string,
    readonly on: string,
  ) {
    super();
  }
}

@QueryHandler(GetOffer)
export class GetOfferHandler implements IQueryHandler<GetOffer, OfferRow> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ offerId }: GetOffer): Promise<OfferRow> {
    const offer = await this.dataSource.manager.findOneBy(OfferRow, { id: offerId });
    if (!offer) throw new OfferNotFound(offerId);
    return offer;
  }
}

@QueryHandler(ListOffers)
export class ListOffersHandler implements IQueryHandler<ListOffers, OfferRow[]> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId, on }: ListOffers): Promise<OfferRow[]> {
    await networkOrFail(this.dataSource.manager, networkId);
    return offersOf(this.dataSource.manager, networkId, on);
  }
}

@QueryHandler(GetOfferLandscape)
export class GetOfferLandscapeHandler implements IQueryHandler<GetOfferLandscape, OfferLandscape & { networkId: string }> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId, on }: GetOfferLandscape): Promise<OfferLandscape & { networkId: string }> {
    const network = await networkOrFail(this.dataSource.manager, networkId);
    const offers = await offersOf(this.dataSource.manager, networkId, on);
    return { networkId, ...offerLandscape(network.municipalities, offers, on) };
  }
}

async function networkOrFail(manager: EntityManager, networkId: string): Promise<NetworkRow> {
  const network = await manager.findOneBy(NetworkRow, { id: networkId });
  if (!network) throw new NetworkNotFound(networkId);
  return network;
}

/** The same rule as isRunningOn, in SQL: started, not ended, not withdrawn on or before the day. */
function offersOf(manager: EntityManager, networkId: string, on?: string): Promise<OfferRow[]> {
  const query = manager.createQueryBuilder(OfferRow, 'offer').where('offer.networkId = :networkId', { networkId });
  if (on === undefined) {
    query.andWhere('offer.status = :listed', { listed: 'listed' });
  } else {
    query
      .andWhere('offer.startsOn <= :on', { on })
      .andWhere(new Brackets((ends) => ends.where('offer.endsOn IS NULL').orWhere('offer.endsOn >= :on', { on })))
      .andWhere(new Brackets((withdrawn) => withdrawn.where('offer.withdrawnOn IS NULL').orWhere('offer.withdrawnOn > :on', { on })));
  }
  return query.orderBy('offer.title', 'ASC').addOrderBy('offer.id', 'ASC').getMany();
}

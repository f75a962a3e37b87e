import { OFFER_EVENT_TYPES, OfferContent, OfferEvent } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager, In } from 'typeorm';
import { Projection } from '../projection';
import { idOfStream } from '../stream-ids';
import { OfferRow } from './offer.entity';

const UPSERT_CHUNK = 500;

/** One row per offer of the landscape, with its current content. */
export class OffersProjection implements Projection {
  readonly name = 'offers';
  readonly eventTypes = OFFER_EVENT_TYPES;
  readonly tables = ['rm_offers'];

  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const relevant = events.filter((event) => this.eventTypes.includes(event.type as OfferEvent['type']));
    if (relevant.length === 0) return;
    const offerIds = [...new Set(relevant.map((event) => idOfStream(event.streamId)))];
    const rows = new Map((await manager.findBy(OfferRow, { id: In(offerIds) })).map((row) => [row.id, row]));
    const touched = new Set<string>();

    for (const event of relevant) {
      const offerId = idOfStream(event.streamId);
      const row = rows.get(offerId);
      if (row && event.streamVersion <= row.version) continue; // applied before
      const next = evolveRow(row, offerId, event as unknown as OfferEvent);
      if (!next) continue;
      next.version = event.streamVersion;
      rows.set(offerId, next);
      touched.add(offerId);
    }

    const changed = [...touched].map((id) => rows.get(id)!);
    for (let start = 0; start < changed.length; start += UPSERT_CHUNK) {
      await manager.upsert(OfferRow, changed.slice(start, start + UPSERT_CHUNK), ['id']);
    }
  }
}

function evolveRow(row: OfferRow | undefined, id: string, event: OfferEvent): OfferRow | undefined {
  if (event.type === 'OfferListed') {
    const { networkId, listedOn } = event.data;
    return Object.assign(new OfferRow(), {
      id,
      networkId,
      ...contentOf(event.data),
      status: 'listed',
      listedOn,
      revisedOn: null,
      withdrawnOn: null,
      withdrawalReason: null,
      version: 0,
    });
  }
  if (!row) return undefined; // an offer stream starts with its listing
  switch (event.type) {
    case 'OfferRevised': {
      return { ...row, ...contentOf(event.data), revisedOn: event.data.revisedOn };
    }
    case 'OfferWithdrawn':
      return { ...row, status: 'withdrawn', withdrawnOn: event.data.withdrawnOn, withdrawalReason: event.data.reason };
  }
}

function contentOf(data: OfferContent): OfferContent {
  const { title, description, providerOrganisationId, lifePhases, districts, targetGroups, startsOn, endsOn } = data;
  return { title, description, providerOrganisationId, lifePhases, districts, targetGroups, startsOn, endsOn };
}

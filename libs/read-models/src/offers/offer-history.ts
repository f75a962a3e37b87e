import { randomUUID } from 'node:crypto';
import { decideOffer, evolveOffer, initialOfferState, OfferCommand, offerEventOccurredOn, OfferListing, OfferState, ReviseOffer } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { Actor, coordinator } from '../testing/event-history';

export const KALK_DISTRICTS = ['Höhenberg', 'Vingst', 'Kalk'];

/**
 * Offers of one network, decided by the real offer decider, as the stored events a projection reads.
 * Every provider counts as a current member and every district of KALK_DISTRICTS as the network's.
 */
export class OfferHistory {
  private readonly events: StoredEvent[] = [];
  private readonly offers = new Map<string, { state: OfferState; version: number }>();
  private actor: Actor = coordinator;

  constructor(readonly networkId: string) {}

  as(actor: Actor): this {
    this.actor = actor;
    return this;
  }

  list(offerId: string, data: Partial<OfferListing> = {}): this {
    return this.decide({
      type: 'ListOffer',
      offerId,
      data: {
        networkId: this.networkId,
        title: 'Elterncafé im Familienzentrum',
        description: 'Offener Treff für Eltern mit Kindern bis drei Jahre.',
        providerOrganisationId: '00000000-0000-4000-8000-00000000000a',
        lifePhases: ['age_0_3'],
        districts: ['Kalk'],
        targetGroups: ['Alleinerziehende'],
        startsOn: '2026-04-01',
        endsOn: null,
        listedOn: '2026-03-10',
        ...data,
      },
      facts: this.facts(),
    });
  }

  /** A revision that keeps the content the offer was listed with, but for `data`. */
  revise(offerId: string, data: Partial<ReviseOffer['data']> & Pick<ReviseOffer['data'], 'revisedOn'>): this {
    const listed = this.events.find((event) => event.streamId === `offer-${offerId}` && event.type === 'OfferListed');
    if (!listed) throw new Error(`offer ${offerId} is not listed`);
    const { networkId: _networkId, listedOn: _listedOn, ...content } = listed.data as unknown as OfferListing;
    return this.decide({ type: 'ReviseOffer', offerId, data: { ...content, ...data }, facts: this.facts() });
  }

  withdraw(offerId: string, withdrawnOn: string, reason = 'Die Förderung endet.'): this {
    return this.decide({ type: 'WithdrawOffer', offerId, data: { withdrawnOn, reason } });
  }

  storedEvents(): StoredEvent[] {
    return [...this.events];
  }

  private facts() {
    return { network: { municipalities: KALK_DISTRICTS }, provider: { networkId: this.networkId, left: false } };
  }

  private decide(command: OfferCommand): this {
    const streamId = `offer-${command.offerId}`;
    const known = this.offers.get(command.offerId) ?? { state: initialOfferState, version: -1 };
    const decided = decideOffer(command, known.state);
    const correlationId = randomUUID();
    let { state, version } = known;
    for (const event of decided) {
      state = evolveOffer(state, event);
      version += 1;
      const sequence = this.events.length + 1;
      this.events.push({
        eventId: randomUUID(),
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data as unknown as Record<string, unknown>,
        metadata: {
          actor: this.actor,
          networkId: this.networkId,
          correlationId,
          causationId: null,
          occurredAt: offerEventOccurredOn(event),
          ...(event.type === 'OfferWithdrawn' ? { reason: event.data.reason } : {}),
        },
        streamId,
        streamVersion: version,
        position: { commit: BigInt(5000 + sequence), prepare: BigInt(sequence) },
        recordedAt: new Date(Date.parse('2026-03-01T08:00:00.000Z') + sequence * 60_000).toISOString(),
      });
    }
    this.offers.set(command.offerId, { state, version });
    return this;
  }
}

import { decideOffer, evolveOffer, initialOfferState, OfferCommand, offerEventOccurredOn, OfferListing, OfferState, ReviseOffer } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { Actor, coordinator } from '../testing/event-history';
import { EventRecorder } from '../testing/event-recorder';

export const KALK_DISTRICTS = ['Höhenberg', 'Vingst', 'Kalk'];

/**
 * Offers of one network, decided by the real offer decider, as the stored events a projection reads.
 * Every provider counts as a current member and every district of KALK_DISTRICTS as the network's.
 */
export class OfferHistory {
  private readonly recorder = new EventRecorder({ recordedFrom: '2026-03-01T08:00:00.000Z', firstCommit: 5000 });
  private readonly offers = new Map<string, OfferState>();
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
    const listed = this.storedEvents().find((event) => event.streamId === `offer-${offerId}` && event.type === 'OfferListed');
    if (!listed) throw new Error(`offer ${offerId} is not listed`);
    const { networkId: _networkId, listedOn: _listedOn, ...content } = listed.data as unknown as OfferListing;
    return this.decide({ type: 'ReviseOffer', offerId, data: { ...content, ...data }, facts: this.facts() });
  }

  withdraw(offerId: string, withdrawnOn: string, reason = 'Die Förderung endet.'): this {
    return this.decide({ type: 'WithdrawOffer', offerId, data: { withdrawnOn, reason } });
  }

  storedEvents(): StoredEvent[] {
    return this.recorder.storedEvents();
  }

  private facts() {
    return { network: { municipalities: KALK_DISTRICTS }, provider: { networkId: this.networkId, left: false } };
  }

  private decide(command: OfferCommand): this {
    const state = this.offers.get(command.offerId) ?? initialOfferState;
    const decided = decideOffer(command, state);
    this.offers.set(command.offerId, decided.reduce(evolveOffer, state));
    this.recorder.record(`offer-${command.offerId}`, decided, {
      actor: this.actor,
      networkId: this.networkId,
      occurredOn: offerEventOccurredOn,
      reason: (event) => (event.type === 'OfferWithdrawn' ? event.data.reason : undefined),
    });
    return this;
  }
}

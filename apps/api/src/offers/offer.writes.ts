import { Injectable } from '@nestjs/common';
import {
  networkDecider,
  networkStreamOf,
  OfferCommand,
  OfferContent,
  offerDecider,
  offerEventOccurredOn,
  OfferFacts,
  OfferListing,
  OfferNotFound,
  OfferState,
  organisationDecider,
  WithdrawOffer,
} from '@kreislauf/domain';
import { organisationStream } from '../structure/structure.writes';
import { CommandContext, WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';

const offerStream = (offerId: string) => `offer-${offerId}`;

/** Every write to an offer's stream: gather the network's districts and the provider's membership, then load, decide and append. */
@Injectable()
export class OfferWrites {
  constructor(private readonly executor: EventSourcedExecutor) {}

  async list(offerId: string, listing: OfferListing, context: CommandContext): Promise<WriteResult> {
    const facts = await this.factsFor(listing.networkId, listing.providerOrganisationId);
    return this.write(offerId, { type: 'ListOffer', offerId, data: listing, facts }, context);
  }

  async revise(offerId: string, revision: OfferContent & { revisedOn: string }, context: CommandContext): Promise<WriteResult> {
    const { state } = await this.executor.load(offerDecider, offerStream(offerId));
    const facts = await this.factsFor(state.status === 'none' ? null : state.networkId, revision.providerOrganisationId);
    return this.write(offerId, { type: 'ReviseOffer', offerId, data: revision, facts }, context);
  }

  withdraw(command: WithdrawOffer, context: CommandContext): Promise<WriteResult> {
    return this.write(command.offerId, command, context);
  }

  private async write(offerId: string, command: OfferCommand, context: CommandContext): Promise<WriteResult> {
    const { version, position } = await this.executor.execute(offerDecider, offerStream(offerId), command, context, (event, state) => ({
      networkId: event.type === 'OfferListed' ? event.data.networkId : networkOf(state, offerId),
      occurredAt: offerEventOccurredOn(event),
      ...(event.type === 'OfferWithdrawn' ? { reason: event.data.reason } : {}),
    }));
    return { id: offerId, version, position };
  }

  /** The network's districts, and whether the provider is a member organisation that has not left. */
  private async factsFor(networkId: string | null, providerOrganisationId: string): Promise<OfferFacts> {
    if (!networkId) return { network: null, provider: null };
    const [network, provider] = await Promise.all([
      this.executor.load(networkDecider, networkStreamOf(networkId)),
      this.executor.load(organisationDecider, organisationStream(providerOrganisationId)),
    ]);
    return {
      network: network.state.status === 'registered' ? { municipalities: network.state.municipalities } : null,
      provider: provider.state.status === 'none' ? null : { networkId: provider.state.networkId, left: provider.state.leftOn !== null },
    };
  }
}

function networkOf(state: OfferState, offerId: string): string {
  if (state.status === 'none') throw new OfferNotFound(offerId);
  return state.networkId;
}

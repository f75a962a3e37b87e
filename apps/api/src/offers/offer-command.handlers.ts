import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { networkDecider, OfferCommand, offerDecider, offerEventOccurredOn, OfferFacts, OfferNotFound, OfferState, organisationDecider } from '@kreislauf/domain';
import { networkStream } from '../networks/network-command.handler';
import { organisationStream } from '../structure/structure-command.handlers';
import { CommandContext, WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';
import { ListOfferCommand, ReviseOfferCommand, WithdrawOfferCommand } from './offer.commands';

export const offerStream = (offerId: string) => `offer-${offerId}`;

/** The offer-side steps every handler shares: gather facts from other streams, then decide and append. */
abstract class OfferWriter {
  constructor(protected readonly executor: EventSourcedExecutor) {}

  protected async write(offerId: string, command: OfferCommand, context: CommandContext): Promise<WriteResult> {
    const { version, position } = await this.executor.execute(offerDecider, offerStream(offerId), command, context, (event, state) => ({
      networkId: event.type === 'OfferListed' ? event.data.networkId : networkOf(state, offerId),
      occurredAt: offerEventOccurredOn(event),
      ...(event.type === 'OfferWithdrawn' ? { reason: event.data.reason } : {}),
    }));
    return { id: offerId, version, position };
  }

  /** The network's districts, and whether the provider is a member organisation that has not left. */
  protected async factsFor(networkId: string | null, providerOrganisationId: string): Promise<OfferFacts> {
    if (!networkId) return { network: null, provider: null };
    const [network, provider] = await Promise.all([
      this.executor.load(networkDecider, networkStream(networkId)),
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

@CommandHandler(ListOfferCommand)
export class ListOfferHandler extends OfferWriter implements ICommandHandler<ListOfferCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  async execute({ offerId, listing, context }: ListOfferCommand): Promise<WriteResult> {
    const facts = await this.factsFor(listing.networkId, listing.providerOrganisationId);
    return this.write(offerId, { type: 'ListOffer', offerId, data: listing, facts }, context);
  }
}

@CommandHandler(ReviseOfferCommand)
export class ReviseOfferHandler extends OfferWriter implements ICommandHandler<ReviseOfferCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  async execute({ offerId, revision, context }: ReviseOfferCommand): Promise<WriteResult> {
    const { state } = await this.executor.load(offerDecider, offerStream(offerId));
    const facts = await this.factsFor(state.status === 'none' ? null : state.networkId, revision.providerOrganisationId);
    return this.write(offerId, { type: 'ReviseOffer', offerId, data: revision, facts }, context);
  }
}

@CommandHandler(WithdrawOfferCommand)
export class WithdrawOfferHandler extends OfferWriter implements ICommandHandler<WithdrawOfferCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  execute({ command, context }: WithdrawOfferCommand): Promise<WriteResult> {
    return this.write(command.offerId, command, context);
  }
}

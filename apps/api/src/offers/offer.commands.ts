import { Command } from '@nestjs/cqrs';
import { OfferContent, OfferListing, WithdrawOffer } from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';

/** List an offer; the handler gathers the network's districts and the provider's membership. */
export class ListOfferCommand extends Command<WriteResult> {
  constructor(
    readonly offerId: string,
    readonly listing: OfferListing,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ReviseOfferCommand extends Command<WriteResult> {
  constructor(
    readonly offerId: string,
    readonly revision: OfferContent & { revisedOn: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class WithdrawOfferCommand extends Command<WriteResult> {
  constructor(
    readonly command: WithdrawOffer,
    readonly context: CommandContext,
  ) {
    super();
  }
}

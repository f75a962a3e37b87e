import { Command } from '@nestjs/cqrs';
import { NetworkRequest } from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';

/** Any command of a network's stream: registration, cycles, roles and the Leitbild. The handler adds the facts. */
export class ExecuteNetworkCommand extends Command<WriteResult & { leitbildVersion?: number }> {
  constructor(
    readonly command: NetworkRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

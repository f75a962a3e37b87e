import { Command } from '@nestjs/cqrs';
import { NetworkCommand } from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';

/** Any command of a network's stream: registration and the cycles of its quality development. */
export class ExecuteNetworkCommand extends Command<WriteResult> {
  constructor(
    readonly command: NetworkCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

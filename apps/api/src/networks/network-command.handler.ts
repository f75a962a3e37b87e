import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { networkDecider, networkEventOccurredOn } from '@kreislauf/domain';
import { WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';
import { ExecuteNetworkCommand } from './network.commands';

export const networkStream = (networkId: string) => `network-${networkId}`;

@CommandHandler(ExecuteNetworkCommand)
export class NetworkCommandHandler implements ICommandHandler<ExecuteNetworkCommand, WriteResult> {
  constructor(private readonly executor: EventSourcedExecutor) {}

  async execute({ command, context }: ExecuteNetworkCommand): Promise<WriteResult> {
    const result = await this.executor.execute(networkDecider, networkStream(command.networkId), command, context, (event) => ({
      networkId: command.networkId,
      occurredAt: networkEventOccurredOn(event),
    }));
    const id = 'cycleId' in command.data ? command.data.cycleId : command.networkId;
    return { id, ...result };
  }
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NetworkCommand, networkDecider, networkEventOccurredOn, NetworkRequest } from '@kreislauf/domain';
import { WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';
import { ReadModelFacts } from '../write/read-model-facts';
import { ExecuteNetworkCommand } from './network.commands';

export const networkStream = (networkId: string) => `network-${networkId}`;

@CommandHandler(ExecuteNetworkCommand)
export class NetworkCommandHandler implements ICommandHandler<ExecuteNetworkCommand, WriteResult & { leitbildVersion?: number }> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly facts: ReadModelFacts,
  ) {}

  async execute({ command: request, context }: ExecuteNetworkCommand): Promise<WriteResult & { leitbildVersion?: number }> {
    const command = await this.withFacts(request);
    const { events, ...result } = await this.executor.executeReturningEvents(networkDecider, networkStream(command.networkId), command, context, (event) => ({
      networkId: command.networkId,
      occurredAt: networkEventOccurredOn(event),
    }));
    const id = 'cycleId' in command.data ? command.data.cycleId : command.networkId;
    const drafted = events.find((event) => event.type === 'LeitbildDrafted');
    return { id, ...result, ...(drafted ? { leitbildVersion: drafted.data.version } : {}) };
  }

  private async withFacts(request: NetworkRequest): Promise<NetworkCommand> {
    switch (request.type) {
      case 'CloseCycle':
        return { ...request, facts: { activeGoals: await this.facts.activeGoals(request.networkId) } };
      case 'AdoptLeitbild':
        return { ...request, facts: { decision: await this.facts.decision(request.data.decisionId) } };
      default:
        return request;
    }
  }
}

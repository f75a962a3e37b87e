import { Injectable } from '@nestjs/common';
import { NetworkCommand, networkDecider, networkEventOccurredOn, NetworkRequest, networkStreamOf } from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';
import { ReadModelFacts } from '../write/read-model-facts';

/**
 * Every write to a network's stream (registration, cycles, roles, the Leitbild): add the facts the decider
 * needs, then load, decide and append.
 */
@Injectable()
export class NetworkWrites {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly facts: ReadModelFacts,
  ) {}

  async execute(request: NetworkRequest, context: CommandContext): Promise<WriteResult & { leitbildVersion?: number }> {
    const command = await this.withFacts(request);
    const { events, ...result } = await this.executor.executeReturningEvents(networkDecider, networkStreamOf(command.networkId), command, context, (event) => ({
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

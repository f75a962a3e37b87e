import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { DefineGoalCommand } from '../apps/api/src/goals/goal.commands';
import { ExecuteNetworkCommand } from '../apps/api/src/networks/network.commands';
import { CommandContext } from '../apps/api/src/write/command-context';
import { coordinator, networkSetup, steeringGroup, strategicDefinition } from './goal-data';

/** A fresh context per command, as the HTTP layer builds one per request. */
export const commandContext = (actor = coordinator): CommandContext => ({ actor, correlationId: randomUUID(), causationId: null, now: new Date() });

/** A network with an open cycle and `strategicGoals` strategic goals, through the CommandBus as the HTTP controllers send them. */
export async function setUpNetwork(bus: CommandBus, strategicGoals: number): Promise<{ networkId: string; cycleId: string; parents: string[] }> {
  const networkId = randomUUID();
  const cycleId = randomUUID();
  for (const command of networkSetup(networkId, cycleId, 0)) await bus.execute(new ExecuteNetworkCommand(command, commandContext()));
  const parents: string[] = [];
  for (let i = 0; i < strategicGoals; i++) {
    const goalId = randomUUID();
    await bus.execute(new DefineGoalCommand(goalId, strategicDefinition(networkId, cycleId, i), commandContext(steeringGroup)));
    parents.push(goalId);
  }
  return { networkId, cycleId, parents };
}

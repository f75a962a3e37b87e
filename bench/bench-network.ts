import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { GoalWrites } from '../apps/api/src/goals/goal.writes';
import { NetworkWrites } from '../apps/api/src/networks/network.writes';
import { CommandContext } from '../apps/api/src/write/command-context';
import { coordinator, networkSetup, steeringGroup, strategicDefinition } from './goal-data';

/** A fresh context per command, as the HTTP layer builds one per request. */
export const commandContext = (actor = coordinator): CommandContext => ({ actor, correlationId: randomUUID(), causationId: null, now: new Date() });

/** A network with an open cycle and `strategicGoals` strategic goals, through the writes the HTTP controllers call. */
export async function setUpNetwork(app: INestApplicationContext, strategicGoals: number): Promise<{ networkId: string; cycleId: string; parents: string[] }> {
  const networkId = randomUUID();
  const cycleId = randomUUID();
  for (const command of networkSetup(networkId, cycleId, 0)) await app.get(NetworkWrites).execute(command, commandContext());
  const parents: string[] = [];
  for (let i = 0; i < strategicGoals; i++) {
    const goalId = randomUUID();
    await app.get(GoalWrites).define(goalId, strategicDefinition(networkId, cycleId, i), commandContext(steeringGroup));
    parents.push(goalId);
  }
  return { networkId, cycleId, parents };
}

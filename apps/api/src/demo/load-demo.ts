import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { NetworkAlreadyRegistered } from '@kreislauf/domain';
import { DefineGoalCommand, ExecuteGoalCommand, ReorientGoalCommand } from '../goals/goal.commands';
import { ExecuteNetworkCommand } from '../networks/network.commands';
import { CommandContext } from '../write/command-context';
import { DEMO_CYCLE_ID, DEMO_NETWORK_ID, demoActor, demoCycle, demoGoals, demoNetwork, demoReorientation } from './demo-network';

/**
 * Loads the demo network through the command bus, as a user would enter it. Returns the network id, or
 * null when it is there already (then nothing is written).
 */
export async function loadDemoNetwork(commands: CommandBus): Promise<string | null> {
  const context = (): CommandContext => ({ actor: demoActor, correlationId: randomUUID(), causationId: null, now: new Date() });
  const networkId = DEMO_NETWORK_ID;
  const cycleId = DEMO_CYCLE_ID;
  try {
    await commands.execute(new ExecuteNetworkCommand({ type: 'RegisterNetwork', networkId, data: demoNetwork }, context()));
  } catch (error) {
    if (error instanceof NetworkAlreadyRegistered) return null;
    throw error;
  }
  const { phases, ...cycle } = demoCycle;
  await commands.execute(new ExecuteNetworkCommand({ type: 'OpenCycle', networkId, data: { cycleId, ...cycle } }, context()));
  const [leitbild, steering, ...later] = phases;
  for (const phase of [leitbild, steering]) {
    await commands.execute(new ExecuteNetworkCommand({ type: 'EnterCyclePhase', networkId, data: { cycleId, ...phase } }, context()));
  }
  for (const goal of demoGoals) {
    const { id, parentId, indicators, measures, measurements, review: _review, ...content } = goal;
    await commands.execute(new DefineGoalCommand(id, { ...content, networkId, cycleId, parentGoalId: parentId }, context()));
    if (indicators.length > 0 || measures.length > 0) {
      await commands.execute(
        new ExecuteGoalCommand({ type: 'ConcretiseGoal', goalId: id, data: { indicators, measures, concretisedOn: '2026-01-27' } }, context()),
      );
    }
    for (const measurement of measurements) {
      await commands.execute(new ExecuteGoalCommand({ type: 'RecordMeasurement', goalId: id, data: measurement }, context()));
    }
  }
  for (const phase of later) {
    await commands.execute(new ExecuteNetworkCommand({ type: 'EnterCyclePhase', networkId, data: { cycleId, ...phase } }, context()));
  }
  for (const { id, review } of demoGoals) {
    if (review) await commands.execute(new ExecuteGoalCommand({ type: 'ReviewGoal', goalId: id, data: review }, context()));
  }
  const { goalId, ...reorientation } = demoReorientation;
  await commands.execute(new ReorientGoalCommand({ type: 'ReorientGoal', goalId, data: reorientation }, null, context()));
  return networkId;
}

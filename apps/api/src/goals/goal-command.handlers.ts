import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { formatPosition } from '@kreislauf/event-store';
import {
  DefineGoal,
  DefinitionFacts,
  GoalCommand,
  goalDecider,
  GoalDefinition,
  GoalEvent,
  goalEventOccurredOn,
  GoalNotFound,
  GoalState,
  networkDecider,
  principlesInForce,
} from '@kreislauf/domain';
import { networkStream } from '../networks/network-command.handler';
import { CommandContext, WriteResult } from '../write/command-context';
import { DescribeEvent, EventSourcedExecutor } from '../write/event-sourced-executor';
import { ReadModelFacts } from '../write/read-model-facts';
import { DefineGoalCommand, ExecuteGoalCommand, ReorientGoalCommand } from './goal.commands';

export const goalStream = (goalId: string) => `goal-${goalId}`;

/** The goal-side steps every handler shares: gather facts from other streams, then decide and append. */
abstract class GoalWriter {
  constructor(
    protected readonly executor: EventSourcedExecutor,
    protected readonly facts: ReadModelFacts,
  ) {}

  protected async write(goalId: string, command: GoalCommand, context: CommandContext): Promise<WriteResult> {
    const result = await this.executor.execute(goalDecider, goalStream(goalId), command, context, describeGoalEvent(goalId));
    return { id: goalId, ...result };
  }

  protected async defineCommand(goalId: string, data: GoalDefinition): Promise<DefineGoal> {
    return { type: 'DefineGoal', goalId, data, facts: await definitionFacts(this.executor, this.facts, data) };
  }
}

/** What the event store says about the cycle, the parent goal and the Leitbild; what the read models say about the decision. */
export async function definitionFacts(executor: EventSourcedExecutor, facts: ReadModelFacts, data: GoalDefinition): Promise<DefinitionFacts> {
  const network = await executor.load(networkDecider, networkStream(data.networkId));
  const decision = await facts.decision(data.decisionId);
  const cycle = network.state.status === 'registered' ? network.state.cycles[data.cycleId] : undefined;
  let parent: DefinitionFacts['parent'] = null;
  if (data.parentGoalId) {
    const { state } = await executor.load(goalDecider, goalStream(data.parentGoalId));
    if (state.status !== 'none') parent = { networkId: state.networkId, level: state.level, status: state.status };
  }
  return { cycle: cycle ? { networkId: data.networkId, status: cycle.status } : null, parent, decision, principlesInForce: principlesInForce(network.state) };
}

function describeGoalEvent(goalId: string): DescribeEvent<GoalEvent, GoalState> {
  return (event, state) => ({
    networkId: event.type === 'GoalDefined' ? event.data.networkId : networkOf(state, goalId),
    occurredAt: goalEventOccurredOn(event),
    ...(event.type === 'GoalReoriented' ? { reason: event.data.rationale } : {}),
  });
}

function networkOf(state: GoalState, goalId: string): string {
  if (state.status === 'none') throw new GoalNotFound(goalId);
  return state.networkId;
}

@CommandHandler(DefineGoalCommand)
export class DefineGoalHandler extends GoalWriter implements ICommandHandler<DefineGoalCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor, facts: ReadModelFacts) {
    super(executor, facts);
  }

  async execute({ goalId, definition, context }: DefineGoalCommand): Promise<WriteResult> {
    return this.write(goalId, await this.defineCommand(goalId, { ...definition, replacesGoalId: null }), context);
  }
}

@CommandHandler(ExecuteGoalCommand)
export class ExecuteGoalHandler extends GoalWriter implements ICommandHandler<ExecuteGoalCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor, facts: ReadModelFacts) {
    super(executor, facts);
  }

  async execute({ command, context }: ExecuteGoalCommand): Promise<WriteResult> {
    if (command.type !== 'ReviewGoal') return this.write(command.goalId, command, context);
    return this.write(command.goalId, { ...command, facts: { decision: await this.facts.decision(command.data.decisionId) } }, context);
  }
}

@CommandHandler(ReorientGoalCommand)
export class ReorientGoalHandler extends GoalWriter implements ICommandHandler<ReorientGoalCommand, WriteResult & { replacementGoalId: string | null }> {
  constructor(executor: EventSourcedExecutor, facts: ReadModelFacts) {
    super(executor, facts);
  }

  async execute({ command, replacement, context }: ReorientGoalCommand): Promise<WriteResult & { replacementGoalId: string | null }> {
    const replacementGoalId = command.data.decision === 'replace' && replacement ? randomUUID() : null;
    const facts = { decision: await this.facts.decision(command.data.decisionId) };
    const reorient: GoalCommand = { ...command, type: 'ReorientGoal', data: { ...command.data, replacementGoalId }, facts };
    if (!replacementGoalId || !replacement) return { ...(await this.write(command.goalId, reorient, context)), replacementGoalId };

    const old = await this.executor.load(goalDecider, goalStream(command.goalId));
    if (old.state.status === 'none') throw new GoalNotFound(command.goalId);
    const oldDefinition = await this.currentDefinition(command.goalId);
    const define = await this.defineCommand(replacementGoalId, {
      ...oldDefinition,
      ...replacement,
      definedOn: command.data.reorientedOn,
      replacesGoalId: command.goalId,
      // The decision behind a replacement is the reorientation's; the new goal starts without cited principles.
      decisionId: null,
      principleKeys: [],
    });
    // Both streams or neither: a goal must never point at a replacement that was not written. Both are
    // decided before either is appended, so that a refused replacement leaves no trace.
    const prepare = (goalId: string, goalCommand: GoalCommand, goalContext: CommandContext) => async () =>
      (await this.executor.prepare(goalDecider, goalStream(goalId), goalCommand, goalContext, describeGoalEvent(goalId))).append;
    const [reorientation, definition] = await this.executor.executeAcrossStreams(
      [prepare(command.goalId, reorient, context), prepare(replacementGoalId, define, { ...context, expectedVersion: undefined })],
      context,
    );
    // The replacement's position: a read that waits for it sees both goals.
    return { id: command.goalId, version: reorientation.nextVersion, position: formatPosition(definition.position), replacementGoalId };
  }

  /** The network, cycle, level and parent of a goal, from its definition event. */
  private async currentDefinition(goalId: string): Promise<Pick<GoalDefinition, 'networkId' | 'cycleId' | 'level' | 'parentGoalId'>> {
    const [first] = await this.executor.readStream(goalStream(goalId));
    const data = first.data as unknown as GoalDefinition;
    return { networkId: data.networkId, cycleId: data.cycleId, level: data.level, parentGoalId: data.parentGoalId };
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { formatPosition } from '@kreislauf/event-store';
import {
  ConcretiseGoal,
  DefineGoal,
  DefinitionFacts,
  GoalCommand,
  GoalContent,
  goalDecider,
  GoalDefinition,
  GoalEvent,
  goalEventOccurredOn,
  GoalNotFound,
  GoalState,
  goalStreamOf,
  networkDecider,
  networkStreamOf,
  principlesInForce,
  RecordMeasurement,
  ReorientGoal,
  ReviewGoal,
  WithoutFacts,
} from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';
import { DescribeEvent, EventSourcedExecutor } from '../write/event-sourced-executor';
import { ReadModelFacts } from '../write/read-model-facts';

/** A reorientation as the client sends it: the replacement's id is the server's to choose. */
export type ReorientRequest = Omit<ReorientGoal, 'data' | 'facts'> & { data: Omit<ReorientGoal['data'], 'replacementGoalId'> };

/** Every write to a goal's stream: gather the facts the decider needs from other streams, then load, decide and append. */
@Injectable()
export class GoalWrites {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly facts: ReadModelFacts,
  ) {}

  /** Define a goal; `sourceItem` when it comes from a priority of a self-assessment round. */
  async define(goalId: string, definition: Omit<GoalDefinition, 'replacesGoalId'>, context: CommandContext, sourceItem?: DefineGoal['sourceItem']): Promise<WriteResult> {
    const command = await this.defineCommand(goalId, { ...definition, replacesGoalId: null });
    return this.write(goalId, sourceItem ? { ...command, sourceItem } : command, context);
  }

  concretise(command: ConcretiseGoal, context: CommandContext): Promise<WriteResult> {
    return this.write(command.goalId, command, context);
  }

  recordMeasurement(command: RecordMeasurement, context: CommandContext): Promise<WriteResult> {
    return this.write(command.goalId, command, context);
  }

  async review(command: WithoutFacts<ReviewGoal>, context: CommandContext): Promise<WriteResult> {
    return this.write(command.goalId, { ...command, facts: { decision: await this.facts.decision(command.data.decisionId) } }, context);
  }

  /**
   * Continue, adjust, retire, or replace: a replacement is a new goal with `replacement` as its content and
   * the old goal's network, cycle, level and parent, written in the same transaction as the reorientation.
   */
  async reorient(request: ReorientRequest, replacement: GoalContent | null, context: CommandContext): Promise<WriteResult & { replacementGoalId: string | null }> {
    const replacementGoalId = request.data.decision === 'replace' && replacement ? randomUUID() : null;
    const facts = { decision: await this.facts.decision(request.data.decisionId) };
    const reorient: GoalCommand = { ...request, type: 'ReorientGoal', data: { ...request.data, replacementGoalId }, facts };
    if (!replacementGoalId || !replacement) return { ...(await this.write(request.goalId, reorient, context)), replacementGoalId };

    const old = await this.executor.load(goalDecider, goalStreamOf(request.goalId));
    if (old.state.status === 'none') throw new GoalNotFound(request.goalId);
    const oldDefinition = await this.currentDefinition(request.goalId);
    const define = await this.defineCommand(replacementGoalId, {
      ...oldDefinition,
      ...replacement,
      definedOn: request.data.reorientedOn,
      replacesGoalId: request.goalId,
      // The decision behind a replacement is the reorientation's; the new goal starts without cited principles.
      decisionId: null,
      principleKeys: [],
    });
    // Both streams or neither: a goal must never point at a replacement that was not written. Both are
    // decided before either is appended, so that a refused replacement leaves no trace.
    const prepare = (goalId: string, goalCommand: GoalCommand, goalContext: CommandContext) => async () =>
      (await this.executor.prepare(goalDecider, goalStreamOf(goalId), goalCommand, goalContext, describeGoalEvent(goalId))).append;
    const [reorientation, definition] = await this.executor.executeAcrossStreams(
      [prepare(request.goalId, reorient, context), prepare(replacementGoalId, define, { ...context, expectedVersion: undefined })],
      context,
    );
    // The replacement's position: a read that waits for it sees both goals.
    return { id: request.goalId, version: reorientation.nextVersion, position: formatPosition(definition.position), replacementGoalId };
  }

  private async write(goalId: string, command: GoalCommand, context: CommandContext): Promise<WriteResult> {
    const result = await this.executor.execute(goalDecider, goalStreamOf(goalId), command, context, describeGoalEvent(goalId));
    return { id: goalId, ...result };
  }

  private async defineCommand(goalId: string, data: GoalDefinition): Promise<DefineGoal> {
    return { type: 'DefineGoal', goalId, data, facts: await this.definitionFacts(data) };
  }

  /** What the event store says about the cycle, the parent goal and the Leitbild; what the read models say about the decision. */
  private async definitionFacts(data: GoalDefinition): Promise<DefinitionFacts> {
    const network = await this.executor.load(networkDecider, networkStreamOf(data.networkId));
    const decision = await this.facts.decision(data.decisionId);
    const cycle = network.state.status === 'registered' ? network.state.cycles[data.cycleId] : undefined;
    let parent: DefinitionFacts['parent'] = null;
    if (data.parentGoalId) {
      const { state } = await this.executor.load(goalDecider, goalStreamOf(data.parentGoalId));
      if (state.status !== 'none') parent = { networkId: state.networkId, level: state.level, status: state.status };
    }
    return { cycle: cycle ? { networkId: data.networkId, status: cycle.status } : null, parent, decision, principlesInForce: principlesInForce(network.state) };
  }

  /** The network, cycle, level and parent of a goal, from its definition event. */
  private async currentDefinition(goalId: string): Promise<Pick<GoalDefinition, 'networkId' | 'cycleId' | 'level' | 'parentGoalId'>> {
    const [first] = await this.executor.readStream(goalStreamOf(goalId));
    const data = first.data as unknown as GoalDefinition;
    return { networkId: data.networkId, cycleId: data.cycleId, level: data.level, parentGoalId: data.parentGoalId };
  }
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

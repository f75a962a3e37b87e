import { Injectable } from '@nestjs/common';
import {
  AssessmentCommand,
  assessmentDecider,
  assessmentEventOccurredOn,
  AssessmentItemRef,
  AssessmentNotFound,
  AssessmentOpening,
  AssessmentState,
  CloseAssessment,
  FrameworkContent,
  frameworkDecider,
  GoalDefinition,
  networkDecider,
  networkStreamOf,
  PrioritiseItem,
  SubmitRatings,
} from '@kreislauf/domain';
import { GoalWrites } from '../goals/goal.writes';
import { CommandContext, WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';
import { FrameworkCatalogue, frameworkStream } from './framework-catalogue';

const assessmentStream = (assessmentId: string) => `assessment-${assessmentId}`;

/** Frameworks are no network's resource: their events carry no network. */
const NO_NETWORK = '';

/** An administrator publishes the next version of a framework. */
@Injectable()
export class FrameworkWrites {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly catalogue: FrameworkCatalogue,
  ) {}

  async publishVersion(frameworkId: string, content: FrameworkContent & { publishedOn: string }, context: CommandContext): Promise<WriteResult & { frameworkVersion: number }> {
    const command = { type: 'PublishFrameworkVersion' as const, frameworkId, data: content, facts: { latestShippedVersion: this.catalogue.latestShippedVersion(frameworkId) } };
    const { events, ...result } = await this.executor.executeReturningEvents(frameworkDecider, frameworkStream(frameworkId), command, context, (event) => ({
      networkId: NO_NETWORK,
      occurredAt: event.data.publishedOn,
    }));
    return { id: frameworkId, ...result, frameworkVersion: events[0].data.version };
  }
}

/** Every write to a self-assessment round's stream, and the goals defined from its priorities. */
@Injectable()
export class AssessmentWrites {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly catalogue: FrameworkCatalogue,
    private readonly goals: GoalWrites,
  ) {}

  /** Open a round: gather the cycle, the framework version and the people with a role in the network. */
  async open(assessmentId: string, opening: AssessmentOpening, context: CommandContext): Promise<WriteResult> {
    const [network, framework] = await Promise.all([
      this.executor.load(networkDecider, networkStreamOf(opening.networkId)),
      this.catalogue.versionForCommand(opening.frameworkId, opening.frameworkVersion),
    ]);
    const registered = network.state.status === 'registered' ? network.state : null;
    const cycle = registered?.cycles[opening.cycleId];
    // Granted roles, and the opener's own: the access guard has just seen them hold it in this network.
    const granted = registered ? registered.grants.map((grant) => grant.slice(0, grant.lastIndexOf(' '))) : [];
    const peopleWithRole = [...new Set([...granted, context.actor.userId])];
    const facts = { cycle: cycle ? { networkId: opening.networkId, status: cycle.status } : null, framework, peopleWithRole };
    return this.write(assessmentId, { type: 'OpenAssessment', assessmentId, data: opening, facts }, context);
  }

  submitRatings(command: SubmitRatings, context: CommandContext): Promise<WriteResult> {
    return this.write(command.assessmentId, command, context);
  }

  close(command: CloseAssessment, context: CommandContext): Promise<WriteResult> {
    return this.write(command.assessmentId, command, context);
  }

  prioritise(command: PrioritiseItem, context: CommandContext): Promise<WriteResult> {
    return this.write(command.assessmentId, command, context);
  }

  /**
   * A goal from a priority: the goal decider checks the definition as for any goal, and that the item is a priority
   * of a round of the same network and cycle; the GoalDefined event records the item.
   */
  async defineGoalFromPriority(goalId: string, source: AssessmentItemRef, definition: Omit<GoalDefinition, 'replacesGoalId'>, context: CommandContext): Promise<WriteResult> {
    const round = await this.executor.load(assessmentDecider, assessmentStream(source.assessmentId));
    const fact =
      round.state.status === 'none'
        ? null
        : {
            networkId: round.state.networkId,
            cycleId: round.state.cycleId,
            hasItem: round.state.itemKeys.includes(source.itemKey),
            prioritised: round.state.priorities.includes(source.itemKey),
          };
    return this.goals.define(goalId, definition, context, { ref: source, fact });
  }

  private async write(assessmentId: string, command: AssessmentCommand, context: CommandContext): Promise<WriteResult> {
    const result = await this.executor.execute(assessmentDecider, assessmentStream(assessmentId), command, context, (event, state) => ({
      networkId: event.type === 'AssessmentOpened' ? event.data.networkId : networkOf(state, assessmentId),
      occurredAt: assessmentEventOccurredOn(event),
    }));
    return { id: assessmentId, ...result };
  }
}

function networkOf(state: AssessmentState, assessmentId: string): string {
  if (state.status === 'none') throw new AssessmentNotFound(assessmentId);
  return state.networkId;
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AssessmentCommand,
  assessmentDecider,
  assessmentEventOccurredOn,
  AssessmentNotFound,
  AssessmentState,
  DefineGoal,
  frameworkDecider,
  goalDecider,
  goalEventOccurredOn,
  networkDecider,
} from '@kreislauf/domain';
import { definitionFacts, goalStream } from '../goals/goal-command.handlers';
import { networkStream } from '../networks/network-command.handler';
import { CommandContext, WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';
import { ReadModelFacts } from '../write/read-model-facts';
import { DefineGoalFromPriorityCommand, ExecuteAssessmentCommand, OpenAssessmentCommand, PublishFrameworkVersionCommand } from './assessment.commands';
import { FrameworkCatalogue, frameworkStream } from './framework-catalogue';

export const assessmentStream = (assessmentId: string) => `assessment-${assessmentId}`;

/** Frameworks are no network's resource: their events carry no network. */
const NO_NETWORK = '';

@CommandHandler(PublishFrameworkVersionCommand)
export class PublishFrameworkVersionHandler implements ICommandHandler<PublishFrameworkVersionCommand, WriteResult & { frameworkVersion: number }> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly catalogue: FrameworkCatalogue,
  ) {}

  async execute({ frameworkId, content, context }: PublishFrameworkVersionCommand): Promise<WriteResult & { frameworkVersion: number }> {
    const command = { type: 'PublishFrameworkVersion' as const, frameworkId, data: content, facts: { latestShippedVersion: this.catalogue.latestShippedVersion(frameworkId) } };
    const { events, ...result } = await this.executor.executeReturningEvents(frameworkDecider, frameworkStream(frameworkId), command, context, (event) => ({
      networkId: NO_NETWORK,
      occurredAt: event.data.publishedOn,
    }));
    return { id: frameworkId, ...result, frameworkVersion: events[0].data.version };
  }
}

/** The round-side steps every handler shares: decide on the round's stream and append. */
abstract class AssessmentWriter {
  constructor(protected readonly executor: EventSourcedExecutor) {}

  protected async write(assessmentId: string, command: AssessmentCommand, context: CommandContext): Promise<WriteResult> {
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

@CommandHandler(OpenAssessmentCommand)
export class OpenAssessmentHandler extends AssessmentWriter implements ICommandHandler<OpenAssessmentCommand, WriteResult> {
  constructor(
    executor: EventSourcedExecutor,
    private readonly catalogue: FrameworkCatalogue,
  ) {
    super(executor);
  }

  async execute({ assessmentId, opening, context }: OpenAssessmentCommand): Promise<WriteResult> {
    const [network, framework] = await Promise.all([
      this.executor.load(networkDecider, networkStream(opening.networkId)),
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
}

@CommandHandler(ExecuteAssessmentCommand)
export class ExecuteAssessmentHandler extends AssessmentWriter implements ICommandHandler<ExecuteAssessmentCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  execute({ command, context }: ExecuteAssessmentCommand): Promise<WriteResult> {
    return this.write(command.assessmentId, command, context);
  }
}

/**
 * A goal from a priority: the goal decider checks the definition as for any goal, and that the item is a priority
 * of a round of the same network and cycle; the GoalDefined event records the item.
 */
@CommandHandler(DefineGoalFromPriorityCommand)
export class DefineGoalFromPriorityHandler implements ICommandHandler<DefineGoalFromPriorityCommand, WriteResult> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly facts: ReadModelFacts,
  ) {}

  async execute({ goalId, source, definition, context }: DefineGoalFromPriorityCommand): Promise<WriteResult> {
    const data = { ...definition, replacesGoalId: null };
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
    const command: DefineGoal = { type: 'DefineGoal', goalId, data, facts: await definitionFacts(this.executor, this.facts, data), sourceItem: { ref: source, fact } };
    const result = await this.executor.execute(goalDecider, goalStream(goalId), command, context, (event) => ({
      networkId: data.networkId,
      occurredAt: goalEventOccurredOn(event),
    }));
    return { id: goalId, ...result };
  }
}

import { Command } from '@nestjs/cqrs';
import { AssessmentItemRef, AssessmentOpening, CloseAssessment, FrameworkContent, GoalDefinition, PrioritiseItem, SubmitRatings } from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';

/** An administrator publishes the next version of a framework. */
export class PublishFrameworkVersionCommand extends Command<WriteResult & { frameworkVersion: number }> {
  constructor(
    readonly frameworkId: string,
    readonly content: FrameworkContent & { publishedOn: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Open a round; the handler gathers the cycle, the framework version and the people with a role in the network. */
export class OpenAssessmentCommand extends Command<WriteResult> {
  constructor(
    readonly assessmentId: string,
    readonly opening: AssessmentOpening,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Rate, close or prioritise: commands on the round's own stream. */
export class ExecuteAssessmentCommand extends Command<WriteResult> {
  constructor(
    readonly command: SubmitRatings | CloseAssessment | PrioritiseItem,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Define a goal of the cycle from a priority of a round; the goal's definition records the item. */
export class DefineGoalFromPriorityCommand extends Command<WriteResult> {
  constructor(
    readonly goalId: string,
    readonly source: AssessmentItemRef,
    readonly definition: Omit<GoalDefinition, 'replacesGoalId'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

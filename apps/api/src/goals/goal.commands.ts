import { Command } from '@nestjs/cqrs';
import { ConcretiseGoal, GoalContent, GoalDefinition, RecordMeasurement, ReorientGoal, ReviewGoal, WithoutFacts } from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';

export class DefineGoalCommand extends Command<WriteResult> {
  constructor(
    readonly goalId: string,
    readonly definition: Omit<GoalDefinition, 'replacesGoalId'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Concretise, measure or review: commands on the goal's own stream (a review may name a decision). */
export class ExecuteGoalCommand extends Command<WriteResult> {
  constructor(
    readonly command: ConcretiseGoal | RecordMeasurement | WithoutFacts<ReviewGoal>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ReorientGoalCommand extends Command<WriteResult & { replacementGoalId: string | null }> {
  constructor(
    readonly command: Omit<ReorientGoal, 'data' | 'facts'> & { data: Omit<ReorientGoal['data'], 'replacementGoalId'> },
    /** For "replace": the new goal's content; it takes the old goal's network, cycle, level and parent. */
    readonly replacement: GoalContent | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

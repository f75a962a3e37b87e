import { Command } from '@nestjs/cqrs';
import { ConcretiseGoal, GoalContent, GoalDefinition, RecordMeasurement, ReorientGoal, ReviewGoal } from '@kreislauf/domain';
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

/** Concretise, measure or review: commands that need nothing beyond the goal's own stream. */
export class ExecuteGoalCommand extends Command<WriteResult> {
  constructor(
    readonly command: ConcretiseGoal | RecordMeasurement | ReviewGoal,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ReorientGoalCommand extends Command<WriteResult & { replacementGoalId: string | null }> {
  constructor(
    readonly command: Omit<ReorientGoal, 'data'> & { data: Omit<ReorientGoal['data'], 'replacementGoalId'> },
    /** For "replace": the new goal's content; it takes the old goal's network, cycle, level and parent. */
    readonly replacement: GoalContent | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { UuidParam } from '../http/params';
import { ProblemException } from '../http/problem';
import { parseMoment } from '../http/as-of';
import { GetGoalDiff } from './goal-diff.query';
import { GoalDiffQueryDto } from './time-travel.dto';
import { GoalDiffResponse } from './time-travel.response';

@ApiTags('goals')
@ApiBearerAuth()
@Controller('goals')
export class TimeTravelController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':goalId/diff')
  @Access('goal.history', { kind: 'goal', param: 'goalId' })
  @ApiOperation({ summary: 'What changed in a goal between two moments of record time, field by field, with the events recorded in between' })
  @ApiBadRequestResponse({ description: 'from or to missing or not a moment, or from after to' })
  @ApiNotFoundResponse({ description: 'No such goal, or none yet at to' })
  @ApiOkResponse({ type: GoalDiffResponse })
  async diff(@UuidParam('goalId') goalId: string, @Query() query: GoalDiffQueryDto) {
    const from = parseMoment(query.from)!;
    const to = parseMoment(query.to)!;
    if (from.getTime() > to.getTime()) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', 'One or more fields are invalid', {
        errors: [{ field: 'from', messages: ['from must not be after to'] }],
      });
    }
    return this.queries.execute(new GetGoalDiff(goalId, from, to));
  }
}

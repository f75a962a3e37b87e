import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { UuidParam, withETag } from '../http/params';
import { ProblemException } from '../http/problem';
import { AsOfQueryDto } from '../http/query-params.dto';
import { ReadYourWrites } from '../http/read-your-writes';
import { RequestContext } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { pastMoment } from '../http/as-of';
import { CommandContext } from '../write/command-context';
import { ConcretiseGoalDto, RecordMeasurementDto, ReorientGoalDto, ReviewGoalDto } from './goal.dto';
import { GOAL_HISTORY_PAGE_DEFAULT, GoalHistoryPageDto, GoalHistoryQueryDto } from './goal-history.dto';
import { decodeHistoryCursor, GetGoal, GetGoalHistory } from './goal.queries';
import { GoalWrites } from './goal.writes';
import { GoalResponse } from './goal.response';

@ApiTags('goals')
@ApiBearerAuth()
@Controller('goals')
export class GoalsController {
  constructor(
    private readonly goals: GoalWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post(':goalId/concretisations')
  @Access('goal.concretise', { kind: 'goal', param: 'goalId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Concretise an operational goal: indicators with baseline and target, measures with a responsible organisation' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'Strategic goal, duplicate indicator key, target on the wrong side, …' })
  async concretise(
    @UuidParam('goalId') goalId: string,
    @Body() body: ConcretiseGoalDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const data = { ...body, measures: body.measures.map((measure) => ({ measureId: randomUUID(), ...measure })) };
    return withETag(response, await this.goals.concretise({ type: 'ConcretiseGoal', goalId, data }, context));
  }

  @Post(':goalId/measurements')
  @Access('goal.record_measurement', { kind: 'goal', param: 'goalId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record a measurement of one of the goal’s indicators' })
  @ApiOkResponse({ type: WriteResponseDto })
  async measure(
    @UuidParam('goalId') goalId: string,
    @Body() body: RecordMeasurementDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(response, await this.goals.recordMeasurement({ type: 'RecordMeasurement', goalId, data: { ...body } }, context));
  }

  @Post(':goalId/reviews')
  @Access('goal.review', { kind: 'goal', param: 'goalId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Review a goal: an assessment at a date, with evidence' })
  @ApiOkResponse({ type: WriteResponseDto })
  async review(
    @UuidParam('goalId') goalId: string,
    @Body() body: ReviewGoalDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(response, await this.goals.review({ type: 'ReviewGoal', goalId, data: { ...body, decisionId: body.decisionId ?? null } }, context));
  }

  @Post(':goalId/reorientations')
  @Access('goal.reorient', { kind: 'goal', param: 'goalId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decide after a review: continue, adjust, replace or retire, with a rationale' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'No review since the last reorientation, missing changes or replacement, …' })
  async reorient(
    @UuidParam('goalId') goalId: string,
    @Body() body: ReorientGoalDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { replacement, changes, ...rest } = body;
    const command = { type: 'ReorientGoal' as const, goalId, data: { ...rest, changes: changes ? { ...changes } : null, decisionId: rest.decisionId ?? null } };
    const content = replacement
      ? { ...replacement, lifePhase: replacement.lifePhase ?? null, district: replacement.district ?? null }
      : null;
    return withETag(response, await this.goals.reorient(command, content, context));
  }

  @Get(':goalId')
  @Access('goal.read', { kind: 'goal', param: 'goalId' })
  @ApiOperation({
    summary: 'A goal with its indicators (baseline, latest value, target, progress), measures, reviews and reorientations (each with business and record time); with asOf as recorded then',
  })
  @ApiNotFoundResponse({ description: 'No such goal, or none yet at asOf' })
  @ApiOkResponse({ type: GoalResponse })
  async get(@UuidParam('goalId') goalId: string, @Query() query: AsOfQueryDto, @Res({ passthrough: true }) response: Response) {
    await this.readYourWrites.ensure(query.after);
    const goal = await this.queries.execute(new GetGoal(goalId, pastMoment(query.asOf)));
    response.setHeader('ETag', `"${goal.version}"`);
    return goal;
  }

  @Get(':goalId/history')
  @Access('goal.history', { kind: 'goal', param: 'goalId' })
  @ApiOperation({
    summary: 'Every event of a goal in order, a page at a time: who, when (business and record time), what changed and why; with asOf those recorded up to then',
  })
  @ApiOkResponse({ type: GoalHistoryPageDto, description: 'A page of the goal’s history, oldest first' })
  @ApiBadRequestResponse({ description: 'A cursor, limit or asOf that is not valid' })
  @ApiNotFoundResponse({ description: 'No such goal, or none yet at asOf' })
  async history(@UuidParam('goalId') goalId: string, @Query() query: GoalHistoryQueryDto): Promise<GoalHistoryPageDto> {
    const after = query.cursor === undefined ? null : (decodeHistoryCursor(query.cursor) ?? invalidCursor());
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new GetGoalHistory(goalId, after, query.limit ?? GOAL_HISTORY_PAGE_DEFAULT, pastMoment(query.asOf)));
  }
}

function invalidCursor(): never {
  const message = 'cursor must be a nextCursor as a page returned it';
  throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', message, { errors: [{ field: 'cursor', messages: [message] }] });
}

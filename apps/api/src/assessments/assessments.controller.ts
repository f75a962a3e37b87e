import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { DefineGoalDto } from '../goals/goal.dto';
import { UuidParam, withETag } from '../http/params';
import { ProblemException } from '../http/problem';
import { ReadQueryDto, ReadPageQueryDto } from '../http/query-params.dto';
import { ReadYourWrites } from '../http/read-your-writes';
import { RequestContext, ScopedNetworkId } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { CommandContext } from '../write/command-context';
import { CloseAssessmentDto, ComparisonQueryDto, OpenAssessmentDto, PrioritiseItemDto, SubmitRatingsDto } from './assessment.dto';
import { CompareAssessments, GetAssessment, GetAssessmentAgenda, ListAssessments } from './assessment.queries';
import { AssessmentWrites } from './assessment.writes';
import { ApiPage } from '../http/openapi/api-page';
import { AgendaResponse, AssessmentComparisonResponse, AssessmentResponse, AssessmentSummaryResponse } from './assessment.response';
import { CreatedAt } from '../http/created-location';
import { Paged } from '../http/pagination';

const scope = { kind: 'assessment', param: 'assessmentId' } as const;
const ITEM_KEY = /^[a-z0-9_.]{1,80}$/;

/** The item key in the path: the same keys a framework gives its development goals. */
const ItemKeyParam = () =>
  Param('itemKey', {
    transform(value: string) {
      if (ITEM_KEY.test(value)) return value;
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', 'itemKey is a development goal key', {
        errors: [{ field: 'itemKey', messages: ['itemKey must be 1 to 80 lower-case letters, digits, "_" or "."'] }],
      });
    },
  });

/** A network's self-assessment rounds. */
@ApiTags('self-assessment')
@ApiBearerAuth()
@Controller('networks')
export class NetworkAssessmentsController {
  constructor(
    private readonly assessments: AssessmentWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post(':networkId/assessments')
  @CreatedAt('/api/v1/assessments/:id')
  @Access('assessment.open', { kind: 'network', param: 'networkId' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Open a self-assessment round on dimensions of a framework version, in an open cycle, with named raters' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The cycle is not open, a dimension is unknown or has no development goals yet, a rater holds no role in the network, …' })
  async open(
    @UuidParam('networkId') networkId: string,
    @Body() body: OpenAssessmentDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const opening = { ...body, networkId, dimensionKeys: [...body.dimensionKeys], raters: [...body.raters] };
    return withETag(response, await this.assessments.open(randomUUID(), opening, context));
  }

  @Get(':networkId/assessments')
  @Paged((assessment: { id: string }) => assessment.id)
  @Access('assessment.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'The network’s rounds, oldest first, with how many raters have submitted' })
  @ApiNotFoundResponse({ description: 'No such network' })
  @ApiPage(AssessmentSummaryResponse)
  async list(@UuidParam('networkId') networkId: string, @Query() query: ReadPageQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new ListAssessments(networkId));
  }
}

@ApiTags('self-assessment')
@ApiBearerAuth()
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':assessmentId')
  @Access('assessment.read', scope)
  @ApiOperation({ summary: 'A round: while open, your own ratings and how many raters have submitted; once closed, per development goal the results and the ratings' })
  @ApiNotFoundResponse({ description: 'No such round' })
  @ApiOkResponse({ type: AssessmentResponse })
  async get(
    @UuidParam('assessmentId') assessmentId: string,
    @Query() query: ReadQueryDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.readYourWrites.ensure(query.after);
    const round = await this.queries.execute(new GetAssessment(assessmentId, { userId: context.actor.userId }));
    response.setHeader('ETag', `"${round.version}"`);
    return round;
  }

  @Post(':assessmentId/ratings')
  @Access('assessment.rate', scope)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Your ratings of development goals (4-step scale or cannot_judge) with comments; revise them until the round is closed' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'You are not named as a rater (assessment.not_a_rater), the round is closed, an item is not in the round, …' })
  async rate(
    @UuidParam('assessmentId') assessmentId: string,
    @Body() body: SubmitRatingsDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const ratings = body.ratings.map(({ itemKey, rating, comment }) => ({ itemKey, rating, comment: comment ?? '' }));
    const command = { type: 'SubmitRatings' as const, assessmentId, data: { raterId: context.actor.userId, ratings, ratedOn: body.ratedOn } };
    return withETag(response, await this.assessments.submitRatings(command, context));
  }

  @Post(':assessmentId/close')
  @Access('assessment.close', scope)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close the round: its ratings are then shown, named or anonymous as the round says' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The round is closed already, or the date lies before its latest rating' })
  async close(
    @UuidParam('assessmentId') assessmentId: string,
    @Body() body: CloseAssessmentDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'CloseAssessment' as const, assessmentId, data: { closedOn: body.closedOn } };
    return withETag(response, await this.assessments.close(command, context));
  }

  @Get(':assessmentId/agenda')
  @Access('assessment.read', scope)
  @ApiOperation({ summary: 'The agenda of the dialogue: the closed round’s development goals by divergence (Leik’s D), widest disagreement first' })
  @ApiUnprocessableEntityResponse({ description: 'The round is still open' })
  @ApiOkResponse({ type: AgendaResponse })
  async agenda(@UuidParam('assessmentId') assessmentId: string, @Query() query: ReadQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new GetAssessmentAgenda(assessmentId));
  }

  @Post(':assessmentId/priorities')
  @Access('assessment.prioritise', scope)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark a development goal of the closed round as a priority of the cycle' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The round is still open, or the item is not in it' })
  async prioritise(
    @UuidParam('assessmentId') assessmentId: string,
    @Body() body: PrioritiseItemDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'PrioritiseItem' as const, assessmentId, data: { itemKey: body.itemKey, prioritisedOn: body.prioritisedOn, note: body.note ?? '' } };
    return withETag(response, await this.assessments.prioritise(command, context));
  }

  @Post(':assessmentId/priorities/:itemKey/goals')
  @CreatedAt('/api/v1/goals/:id')
  @Access('assessment.prioritise', scope)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Turn a priority into a strategic or operational goal of the round’s cycle; the goal records the item it came from' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The item is no priority of the round, the cycle is not the round’s, or the definition breaks a goal rule' })
  async defineGoal(
    @UuidParam('assessmentId') assessmentId: string,
    @ItemKeyParam() itemKey: string,
    @Body() body: DefineGoalDto,
    @ScopedNetworkId() networkId: string,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const definition = {
      ...body,
      networkId,
      parentGoalId: body.parentGoalId ?? null,
      lifePhase: body.lifePhase ?? null,
      district: body.district ?? null,
      decisionId: body.decisionId ?? null,
      principleKeys: body.principleKeys ?? [],
    };
    return withETag(response, await this.assessments.defineGoalFromPriority(randomUUID(), { assessmentId, itemKey }, definition, context));
  }

  @Get(':assessmentId/comparison')
  @Access('assessment.read', scope)
  @ApiOperation({ summary: 'Compare two closed rounds of the network: per development goal how the median and the divergence moved, and the goals the earlier round led to' })
  @ApiNotFoundResponse({ description: 'No such round in this network' })
  @ApiUnprocessableEntityResponse({ description: 'A round is still open' })
  @ApiOkResponse({ type: AssessmentComparisonResponse })
  async comparison(@UuidParam('assessmentId') assessmentId: string, @Query() query: ComparisonQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new CompareAssessments(assessmentId, query.with));
  }
}

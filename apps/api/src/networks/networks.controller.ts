import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { DefineGoalDto } from '../goals/goal.dto';
import { GoalWrites } from '../goals/goal.writes';
import { UuidParam, withETag } from '../http/params';
import { AsOfQueryDto, AsOfPageQueryDto, CycleBoardQueryDto, ReviewsDuePageQueryDto } from '../http/query-params.dto';
import { ReadYourWrites } from '../http/read-your-writes';
import { RequestContext } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { pastMoment } from '../http/as-of';
import { CommandContext } from '../write/command-context';
import { NetworkWrites } from './network.writes';
import { OpenCycleDto, RegisterNetworkDto } from './network.dto';
import { GetCycleOverview } from './cycle-overview.query';
import { GetCycleBoard, GetNetwork, GetReviewsDue } from './network.queries';
import { ApiPage } from '../http/openapi/api-page';
import { CycleBoardResponse, CycleOverviewResponse, DueReviewResponse, NetworkResponse } from './network.response';
import { CreatedAt } from '../http/created-location';
import { Paged } from '../http/pagination';

@ApiTags('networks')
@ApiBearerAuth()
@Controller('networks')
export class NetworksController {
  constructor(
    private readonly networks: NetworkWrites,
    private readonly goals: GoalWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @CreatedAt('/api/v1/networks/:id')
  @Access('network.register')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Register a network (admin)' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  async register(@Body() body: RegisterNetworkDto, @RequestContext() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const command = { type: 'RegisterNetwork' as const, networkId: randomUUID(), data: { ...body, programme: body.programme ?? null } };
    return withETag(response, await this.networks.execute(command, context));
  }

  @Get(':networkId')
  @Access('network.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'A network with its cycles; with asOf as recorded then' })
  @ApiNotFoundResponse({ description: 'No such network, or none yet at asOf' })
  @ApiOkResponse({ type: NetworkResponse })
  async get(@UuidParam('networkId') networkId: string, @Query() query: AsOfQueryDto, @Res({ passthrough: true }) response: Response) {
    await this.readYourWrites.ensure(query.after);
    const network = await this.queries.execute(new GetNetwork(networkId, pastMoment(query.asOf)));
    response.setHeader('ETag', `"${network.version}"`);
    return network;
  }

  @Post(':networkId/cycles')
  @CreatedAt('/api/v1/networks/:networkId/cycle-board?cycleId=:id')
  @Access('cycle.open', { kind: 'network', param: 'networkId' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Open a quality cycle (at most one open cycle per network)' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'A cycle is open already, or the period is invalid' })
  async openCycle(
    @UuidParam('networkId') networkId: string,
    @Body() body: OpenCycleDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'OpenCycle' as const, networkId, data: { cycleId: randomUUID(), ...body } };
    return withETag(response, await this.networks.execute(command, context));
  }

  @Get(':networkId/cycles')
  @Paged((overview: { cycle: { id: string } }) => overview.cycle.id)
  @Access('cycles.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'Every cycle, oldest first: the goals it planned and carried over, their reviews and reorientations; with asOf as recorded then' })
  @ApiPage(CycleOverviewResponse)
  async cycles(@UuidParam('networkId') networkId: string, @Query() query: AsOfPageQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new GetCycleOverview(networkId, pastMoment(query.asOf)));
  }

  @Post(':networkId/goals')
  @CreatedAt('/api/v1/goals/:id')
  @Access('goal.define', { kind: 'network', param: 'networkId' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Define a strategic or operational goal in an open cycle' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The cycle is not open, the parent is not a strategic goal of the network, …' })
  @ApiConflictResponse({ description: 'Idempotency-Key in use' })
  async defineGoal(
    @UuidParam('networkId') networkId: string,
    @Body() body: DefineGoalDto,
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
    return withETag(response, await this.goals.define(randomUUID(), definition, context));
  }

  @Get(':networkId/cycle-board')
  @Access('cycle_board.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'The cycle board: current phase, goals as a tree with status, last assessment, next review and progress; with asOf as recorded then' })
  @ApiOkResponse({ type: CycleBoardResponse })
  async cycleBoard(@UuidParam('networkId') networkId: string, @Query() query: CycleBoardQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new GetCycleBoard(networkId, query.cycleId, pastMoment(query.asOf)));
  }

  @Get(':networkId/reviews-due')
  @Paged((due: { goalId: string }) => due.goalId)
  @Access('reviews_due.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'Active goals whose next review date is on or before the given date; with asOf as recorded then' })
  @ApiPage(DueReviewResponse)
  async reviewsDue(@UuidParam('networkId') networkId: string, @Query() query: ReviewsDuePageQueryDto) {
    await this.readYourWrites.ensure(query.after);
    const asOf = pastMoment(query.asOf);
    return this.queries.execute(new GetReviewsDue(networkId, query.on ?? (asOf ?? new Date()).toISOString().slice(0, 10), asOf));
  }
}

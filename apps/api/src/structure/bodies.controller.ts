import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { BodyMember } from '@kreislauf/domain';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { UuidParam, withETag } from '../http/params';
import { ReadQueryDto } from '../http/query-params.dto';
import { ReadYourWrites } from '../http/read-your-writes';
import { RequestContext, ScopedNetworkId } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { PersonalDataVault } from '../people/personal-data-vault';
import { CommandContext } from '../write/command-context';
import { today } from './organisations.controller';
import { sealPerson } from './personal-data-input';
import { BodyWrites, MeetingWrites } from './structure.writes';
import { BodyMemberDto, ChangeBodyMembersDto, DissolveBodyDto, EstablishBodyDto, OnDayPageQueryDto, ScheduleMeetingDto } from './structure.dto';
import { GetBodiesOverview, GetBody } from './structure.queries';
import { ApiPage } from '../http/openapi/api-page';
import { BodyDetailResponse, BodyOverviewItemResponse } from './structure.response';
import { CreatedAt } from '../http/created-location';
import { Paged } from '../http/pagination';

@ApiTags('bodies')
@ApiBearerAuth()
@Controller()
export class BodiesController {
  constructor(
    private readonly bodies: BodyWrites,
    private readonly meetings: MeetingWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly vault: PersonalDataVault,
  ) {}

  @Post('networks/:networkId/bodies')
  @CreatedAt('/api/v1/bodies/:id')
  @Access('body.establish', { kind: 'network', param: 'networkId' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Establish a plenary, steering group or working group with member organisations and their representatives' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'A member is not a current member organisation of the network, or is named twice' })
  async establish(
    @UuidParam('networkId') networkId: string,
    @Body() body: EstablishBodyDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const data = { ...body, networkId, members: await this.members(body.members, networkId) };
    return withETag(response, await this.bodies.establish(randomUUID(), data, context));
  }

  @Get('networks/:networkId/bodies')
  @Paged((body: { id: string }) => body.id, 'bodies')
  @Access('bodies.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'The bodies on a day (today by default) with their members and their meeting cadence over the twelve months up to it' })
  @ApiPage(BodyOverviewItemResponse, { beside: { networkId: { type: 'string', format: 'uuid' }, on: { type: 'string', format: 'date' } } })
  async overview(@UuidParam('networkId') networkId: string, @Query() query: OnDayPageQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new GetBodiesOverview(networkId, query.on ?? today()));
  }

  @Get('bodies/:bodyId')
  @Access('bodies.read', { kind: 'body', param: 'bodyId' })
  @ApiOperation({ summary: 'A body with its members, their history and its meetings' })
  @ApiNotFoundResponse({ description: 'No such body' })
  @ApiOkResponse({ type: BodyDetailResponse })
  async get(@UuidParam('bodyId') bodyId: string, @Query() query: ReadQueryDto, @Res({ passthrough: true }) response: Response) {
    await this.readYourWrites.ensure(query.after);
    const body = await this.queries.execute(new GetBody(bodyId));
    response.setHeader('ETag', `"${body.version}"`);
    return body;
  }

  @Post('bodies/:bodyId/members')
  @Access('body.change_members', { kind: 'body', param: 'bodyId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Replace the body’s member list' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The body is dissolved, or a member is not a current member organisation' })
  async changeMembers(
    @UuidParam('bodyId') bodyId: string,
    @ScopedNetworkId() networkId: string,
    @Body() body: ChangeBodyMembersDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const data = { members: await this.members(body.members, networkId), changedOn: body.changedOn };
    return withETag(response, await this.bodies.changeMembers(bodyId, data, context));
  }

  @Post('bodies/:bodyId/dissolution')
  @Access('body.dissolve', { kind: 'body', param: 'bodyId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Dissolve the body, with a reason' })
  @ApiOkResponse({ type: WriteResponseDto })
  async dissolve(
    @UuidParam('bodyId') bodyId: string,
    @Body() body: DissolveBodyDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(response, await this.bodies.dissolve({ type: 'DissolveBody', bodyId, data: { ...body } }, context));
  }

  @Post('bodies/:bodyId/meetings')
  @CreatedAt('/api/v1/meetings/:id')
  @Access('meeting.schedule', { kind: 'body', param: 'bodyId' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Schedule a meeting of the body, with the person who collects topics beforehand' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The body is dissolved, or the date lies before its establishment' })
  async schedule(
    @UuidParam('bodyId') bodyId: string,
    @ScopedNetworkId() networkId: string,
    @Body() body: ScheduleMeetingDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const data = { networkId, bodyId, scheduledFor: body.scheduledFor, title: body.title, contactPerson: await sealPerson(this.vault, body.contactPerson, networkId) };
    return withETag(response, await this.meetings.schedule(randomUUID(), data, context));
  }

  private members(members: BodyMemberDto[], networkId: string): Promise<BodyMember[]> {
    return Promise.all(
      members.map(async (member) => ({ organisationId: member.organisationId, representative: await sealPerson(this.vault, member.representative, networkId) })),
    );
  }
}

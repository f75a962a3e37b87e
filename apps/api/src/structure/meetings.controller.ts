import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { UuidParam, withETag } from '../http/params';
import { ReadQueryDto } from '../http/query-params.dto';
import { ReadYourWrites } from '../http/read-your-writes';
import { RequestContext } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { CommandContext } from '../write/command-context';
import { periodReversed } from './organisations.controller';
import { MeetingWrites } from './structure.writes';
import { DecisionsPageQueryDto, ProposeTopicDto, RecordAttendanceDto, RecordDecisionDto } from './structure.dto';
import { GetDecisions, GetMeeting } from './structure.queries';
import { ApiPage } from '../http/openapi/api-page';
import { MeetingDetailResponse, RecordedDecisionResponse } from './structure.response';
import { CreatedAt } from '../http/created-location';
import { Paged } from '../http/pagination';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('meetings/:meetingId')
  @Access('meetings.read', { kind: 'meeting', param: 'meetingId' })
  @ApiOperation({ summary: 'A meeting with its topics, attendance and decisions' })
  @ApiNotFoundResponse({ description: 'No such meeting' })
  @ApiOkResponse({ type: MeetingDetailResponse })
  async get(@UuidParam('meetingId') meetingId: string, @Query() query: ReadQueryDto, @Res({ passthrough: true }) response: Response) {
    await this.readYourWrites.ensure(query.after);
    const meeting = await this.queries.execute(new GetMeeting(meetingId));
    response.setHeader('ETag', `"${meeting.version}"`);
    return meeting;
  }

  @Post('meetings/:meetingId/topics')
  @CreatedAt('/api/v1/meetings/:meetingId')
  @Access('meeting.propose_topic', { kind: 'meeting', param: 'meetingId' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Propose a topic before the meeting; returns the topic’s id as id' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The meeting was held, or the topic comes after its day' })
  async propose(
    @UuidParam('meetingId') meetingId: string,
    @Body() body: ProposeTopicDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const data = { topicId: randomUUID(), ...body, proposedByOrganisationId: body.proposedByOrganisationId ?? null };
    return withETag(response, await this.meetings.proposeTopic({ type: 'ProposeTopic', meetingId, data }, context));
  }

  @Post('meetings/:meetingId/attendance')
  @Access('meeting.record_attendance', { kind: 'meeting', param: 'meetingId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record that the meeting was held and which member organisations attended' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'Recorded already, or an attendee is not a member of the body' })
  async attend(
    @UuidParam('meetingId') meetingId: string,
    @Body() body: RecordAttendanceDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(response, await this.meetings.recordAttendance(meetingId, { ...body }, context));
  }

  @Post('meetings/:meetingId/decisions')
  @CreatedAt('/api/v1/meetings/:meetingId')
  @Access('meeting.record_decision', { kind: 'meeting', param: 'meetingId' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Record a decision of the held meeting; returns the decision’s id as id' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The meeting was not held yet, or the topic is not one of the meeting' })
  async decide(
    @UuidParam('meetingId') meetingId: string,
    @Body() body: RecordDecisionDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const data = { decisionId: randomUUID(), text: body.text, subject: body.subject, topicId: body.topicId ?? null };
    return withETag(response, await this.meetings.recordDecision({ type: 'RecordDecision', meetingId, data }, context));
  }

  @Get('networks/:networkId/decisions')
  @Paged((decision: { id: string }) => decision.id)
  @Access('meetings.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'The decisions of the network’s bodies in a period, optionally of one subject' })
  @ApiPage(RecordedDecisionResponse)
  async decisions(@UuidParam('networkId') networkId: string, @Query() query: DecisionsPageQueryDto) {
    await this.readYourWrites.ensure(query.after);
    if (query.from && query.to && query.from > query.to) throw periodReversed();
    return this.queries.execute(new GetDecisions(networkId, query.from, query.to, query.subject));
  }
}

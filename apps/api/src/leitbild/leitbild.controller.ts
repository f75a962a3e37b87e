import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { UuidParam, withETag } from '../http/params';
import { ProblemException } from '../http/problem';
import { ReadQueryDto } from '../http/query-params.dto';
import { ReadYourWrites } from '../http/read-your-writes';
import { RequestContext } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { NetworkWrites } from '../networks/network.writes';
import { CommandContext } from '../write/command-context';
import { AdoptLeitbildDto, DraftLeitbildDto } from './leitbild.dto';
import { GetLeitbild } from './leitbild.queries';
import { LeitbildResponse } from './leitbild.response';
import { CreatedAt } from '../http/created-location';

const VersionParam = () =>
  Param(
    'version',
    new ParseIntPipe({
      exceptionFactory: () =>
        new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', 'version must be a whole number', {
          errors: [{ field: 'version', messages: ['version must be a whole number'] }],
        }),
    }),
  );

/** The network's Leitbild (vision and guiding principles): every version kept, one adopted version in force. */
@ApiTags('leitbild')
@ApiBearerAuth()
@Controller('networks/:networkId/leitbild')
export class LeitbildController {
  constructor(
    private readonly networks: NetworkWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @Access('leitbild.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'The Leitbild in force and every version, with the decision that adopted it' })
  @ApiOkResponse({ type: LeitbildResponse })
  async get(@UuidParam('networkId') networkId: string, @Query() query: ReadQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new GetLeitbild(networkId));
  }

  @Post('versions')
  @CreatedAt('/api/v1/networks/:networkId/leitbild')
  @Access('leitbild.draft', { kind: 'network', param: 'networkId' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Draft a new version: the first, or a revision of the latest (`leitbildVersion` in the answer)' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'A principle key twice, a date before the latest version' })
  async draft(
    @UuidParam('networkId') networkId: string,
    @Body() body: DraftLeitbildDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'DraftLeitbild' as const, networkId, data: { ...body, principles: body.principles.map(({ key, text }) => ({ key, text })) } };
    return withETag(response, await this.networks.execute(command, context));
  }

  @Post('versions/:version/adoption')
  @Access('leitbild.adopt', { kind: 'network', param: 'networkId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Adopt a version by a decision of a body; it supersedes the version in force' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiConflictResponse({ description: 'The version was adopted before' })
  @ApiUnprocessableEntityResponse({ description: 'The decision is unknown, about something else, or later than the adoption' })
  async adopt(
    @UuidParam('networkId') networkId: string,
    @VersionParam() version: number,
    @Body() body: AdoptLeitbildDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'AdoptLeitbild' as const, networkId, data: { version, ...body } };
    return withETag(response, await this.networks.execute(command, context));
  }
}

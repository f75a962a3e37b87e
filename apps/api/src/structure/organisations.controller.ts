import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { UuidParam, withETag } from '../http/params';
import { ProblemException } from '../http/problem';
import { ReadQueryDto } from '../http/query-params.dto';
import { ReadYourWrites } from '../http/read-your-writes';
import { RequestContext, ScopedNetworkId } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { PersonalDataVault } from '../people/personal-data-vault';
import { CommandContext } from '../write/command-context';
import { sealPerson } from './personal-data-input';
import { OrganisationWrites } from './structure.writes';
import { DescribeOrganisationDto, JoinOrganisationDto, LeaveOrganisationDto, OnDayPageQueryDto, OrganisationDescriptionDto, PeriodPageQueryDto } from './structure.dto';
import { GetOrganisation, GetOrganisationChanges, GetOrganisationsOverview } from './structure.queries';
import { ApiPage } from '../http/openapi/api-page';
import { OrganisationChangesJoinedResponse, OrganisationChangesLeftResponse, OrganisationDetailResponse, OrganisationOverviewItemResponse } from './structure.response';
import { CreatedAt } from '../http/created-location';
import { Paged } from '../http/pagination';

export const today = () => new Date().toISOString().slice(0, 10);

@ApiTags('organisations')
@ApiBearerAuth()
@Controller()
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly vault: PersonalDataVault,
  ) {}

  @Post('networks/:networkId/organisations')
  @CreatedAt('/api/v1/organisations/:id')
  @Access('organisation.join', { kind: 'network', param: 'networkId' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'An organisation joins the network, with its tasks, mandates, roles, resources, limits and a contact person' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  async join(
    @UuidParam('networkId') networkId: string,
    @Body() body: JoinOrganisationDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { joinedOn, ...description } = body;
    const data = { ...(await this.description(description, networkId)), networkId, joinedOn };
    return withETag(response, await this.organisations.join(randomUUID(), data, context));
  }

  @Get('networks/:networkId/organisations')
  @Paged((organisation: { id: string }) => organisation.id, 'organisations')
  @Access('organisations.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'The member organisations on a day (today by default), as described then, with the bodies they sit in' })
  @ApiPage(OrganisationOverviewItemResponse, { beside: { networkId: { type: 'string', format: 'uuid' }, on: { type: 'string', format: 'date' } } })
  async overview(@UuidParam('networkId') networkId: string, @Query() query: OnDayPageQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new GetOrganisationsOverview(networkId, query.on ?? today()));
  }

  @Get('networks/:networkId/organisations/changes')
  @Paged((change: { change: string; id: string }) => `${change.change} ${change.id}`, 'changes')
  @Access('organisations.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'The organisations that joined and that left in a period' })
  @ApiPage([OrganisationChangesJoinedResponse, OrganisationChangesLeftResponse], {
    description: 'A page of the joinings and departures in the period, by day',
    beside: { networkId: { type: 'string', format: 'uuid' }, from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
    items: {
      oneOf: [{ $ref: getSchemaPath(OrganisationChangesJoinedResponse) }, { $ref: getSchemaPath(OrganisationChangesLeftResponse) }],
      discriminator: { propertyName: 'change' },
    },
  })
  async changes(@UuidParam('networkId') networkId: string, @Query() query: PeriodPageQueryDto) {
    await this.readYourWrites.ensure(query.after);
    const from = query.from ?? '1900-01-01';
    const to = query.to ?? today();
    if (from > to) throw periodReversed();
    return this.queries.execute(new GetOrganisationChanges(networkId, from, to));
  }

  @Get('organisations/:organisationId')
  @Access('organisations.read', { kind: 'organisation', param: 'organisationId' })
  @ApiOperation({ summary: 'An organisation with its current and past descriptions and the bodies it sits in' })
  @ApiNotFoundResponse({ description: 'No such organisation' })
  @ApiOkResponse({ type: OrganisationDetailResponse })
  async get(@UuidParam('organisationId') organisationId: string, @Query() query: ReadQueryDto, @Res({ passthrough: true }) response: Response) {
    await this.readYourWrites.ensure(query.after);
    const organisation = await this.queries.execute(new GetOrganisation(organisationId));
    response.setHeader('ETag', `"${organisation.version}"`);
    return organisation;
  }

  @Post('organisations/:organisationId/descriptions')
  @Access('organisation.describe', { kind: 'organisation', param: 'organisationId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Describe the organisation anew; the description replaces the previous one from its date on' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The organisation has left, or the date lies before its joining' })
  async describe(
    @UuidParam('organisationId') organisationId: string,
    @ScopedNetworkId() networkId: string,
    @Body() body: DescribeOrganisationDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { describedOn, ...description } = body;
    const data = { ...(await this.description(description, networkId)), describedOn };
    return withETag(response, await this.organisations.describe({ type: 'DescribeOrganisation', organisationId, data }, context));
  }

  @Post('organisations/:organisationId/departure')
  @Access('organisation.leave', { kind: 'organisation', param: 'organisationId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The organisation leaves the network' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'It has left already, or the date lies before its last step' })
  async leave(
    @UuidParam('organisationId') organisationId: string,
    @Body() body: LeaveOrganisationDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(response, await this.organisations.leave({ type: 'LeaveOrganisation', organisationId, data: { ...body } }, context));
  }

  private async description(dto: OrganisationDescriptionDto, networkId: string) {
    const { name, sector, namedInKkg, tasks, mandates, roles, resources, limits, contactPerson } = dto;
    return { name, sector, namedInKkg, tasks, mandates, roles, resources, limits, contactPerson: await sealPerson(this.vault, contactPerson, networkId) };
  }
}

export function periodReversed(): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', 'from must not lie after to', {
    errors: [{ field: 'from', messages: ['from must not lie after to'] }],
  });
}

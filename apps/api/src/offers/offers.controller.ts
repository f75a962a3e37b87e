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
import { ListOfferDto, OfferLandscapeQueryDto, OffersPageQueryDto, ReviseOfferDto, WithdrawOfferDto } from './offer.dto';
import { GetOffer, GetOfferLandscape, ListOffers } from './offer.queries';
import { OfferWrites } from './offer.writes';
import { ApiPage } from '../http/openapi/api-page';
import { OfferLandscapeResponse, OfferResponse } from './offer.response';
import { CreatedAt } from '../http/created-location';
import { Paged } from '../http/pagination';

const RULES = 'The provider is no current member organisation, a district is not the network’s, the offer ends before it starts, an entry is named twice, …';

/** The offers of a network and its offer landscape (the prevention chain). */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('networks')
export class NetworkOffersController {
  constructor(
    private readonly offerWrites: OfferWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post(':networkId/offers')
  @CreatedAt('/api/v1/offers/:id')
  @Access('offer.list', { kind: 'network', param: 'networkId' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'List an offer of a member organisation: life phases, districts, target groups and when it runs' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: RULES })
  async list(
    @UuidParam('networkId') networkId: string,
    @Body() body: ListOfferDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listing = { ...body, networkId, endsOn: body.endsOn ?? null };
    return withETag(response, await this.offerWrites.list(randomUUID(), listing, context));
  }

  @Get(':networkId/offers')
  @Paged((offer: { id: string }) => offer.id)
  @Access('offers.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'The offers running on a day; without a day, every offer not withdrawn' })
  @ApiNotFoundResponse({ description: 'No such network' })
  @ApiPage(OfferResponse)
  async offers(@UuidParam('networkId') networkId: string, @Query() query: OffersPageQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new ListOffers(networkId, query.on));
  }

  @Get(':networkId/offer-landscape')
  @Access('offers.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'Life phases × districts on a day: the offers in each cell, the gaps and the possible duplicate structures' })
  @ApiOkResponse({ type: OfferLandscapeResponse })
  @ApiNotFoundResponse({ description: 'No such network' })
  async landscape(@UuidParam('networkId') networkId: string, @Query() query: OfferLandscapeQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new GetOfferLandscape(networkId, query.on ?? new Date().toISOString().slice(0, 10)));
  }
}

@ApiTags('offers')
@ApiBearerAuth()
@Controller('offers')
export class OffersController {
  constructor(
    private readonly offerWrites: OfferWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post(':offerId/revisions')
  @Access('offer.revise', { kind: 'offer', param: 'offerId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Revise an offer: its whole content anew' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: `The offer is withdrawn; ${RULES}` })
  async revise(
    @UuidParam('offerId') offerId: string,
    @Body() body: ReviseOfferDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const revision = { ...body, endsOn: body.endsOn ?? null };
    return withETag(response, await this.offerWrites.revise(offerId, revision, context));
  }

  @Post(':offerId/withdrawal')
  @Access('offer.withdraw', { kind: 'offer', param: 'offerId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw an offer from the landscape, from a day on, with a reason' })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The offer is withdrawn already, or the day lies before its listing' })
  async withdraw(
    @UuidParam('offerId') offerId: string,
    @Body() body: WithdrawOfferDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'WithdrawOffer' as const, offerId, data: { ...body } };
    return withETag(response, await this.offerWrites.withdraw(command, context));
  }

  @Get(':offerId')
  @Access('offers.read', { kind: 'offer', param: 'offerId' })
  @ApiOperation({ summary: 'An offer with its current content' })
  @ApiNotFoundResponse({ description: 'No such offer' })
  @ApiOkResponse({ type: OfferResponse })
  async get(@UuidParam('offerId') offerId: string, @Query() query: ReadQueryDto, @Res({ passthrough: true }) response: Response) {
    await this.readYourWrites.ensure(query.after);
    const offer = await this.queries.execute(new GetOffer(offerId));
    response.setHeader('ETag', `"${offer.version}"`);
    return offer;
  }
}

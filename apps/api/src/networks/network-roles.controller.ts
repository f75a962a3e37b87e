import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { UuidParam, withETag } from '../http/params';
import { ReadPageQueryDto } from '../http/query-params.dto';
import { ReadYourWrites } from '../http/read-your-writes';
import { RequestContext } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { CommandContext } from '../write/command-context';
import { NetworkWrites } from './network.writes';
import { RoleChangeDto } from './network.dto';
import { GetNetworkRoles } from './network.queries';
import { ApiPage } from '../http/openapi/api-page';
import { RoleResponse } from './network.response';
import { Paged } from '../http/pagination';

/** Roles granted in a network, beside those a token carries. */
@ApiTags('networks')
@ApiBearerAuth()
@Controller('networks/:networkId')
export class NetworkRolesController {
  constructor(
    private readonly networks: NetworkWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post('role-grants')
  @Access('role.grant', { kind: 'network', param: 'networkId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Grant a person a role in the network' })
  @ApiOkResponse({ type: WriteResponseDto })
  async grant(
    @UuidParam('networkId') networkId: string,
    @Body() body: RoleChangeDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const data = { userId: body.userId, role: body.role, grantedOn: body.on ?? today(context) };
    return withETag(response, await this.networks.execute({ type: 'GrantRole', networkId, data }, context));
  }

  @Post('role-revocations')
  @Access('role.revoke', { kind: 'network', param: 'networkId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Revoke a role granted in the network' })
  @ApiOkResponse({ type: WriteResponseDto })
  async revoke(
    @UuidParam('networkId') networkId: string,
    @Body() body: RoleChangeDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const data = { userId: body.userId, role: body.role, revokedOn: body.on ?? today(context) };
    return withETag(response, await this.networks.execute({ type: 'RevokeRole', networkId, data }, context));
  }

  @Get('roles')
  @Paged((grant: { userId: string; role: string }) => `${grant.role} ${grant.userId}`)
  @Access('roles.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({ summary: 'The roles granted in the network' })
  @ApiPage(RoleResponse)
  async roles(@UuidParam('networkId') networkId: string, @Query() query: ReadPageQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new GetNetworkRoles(networkId));
  }
}

function today(context: CommandContext): string {
  return context.now.toISOString().slice(0, 10);
}

import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { NetworkRoleRow, NetworkRow } from '@kreislauf/read-models';
import { DataSource, In, MoreThan } from 'typeorm';
import { actionsOfRoles, administratorActions, isRole, Role, ROLES } from '../access/access-policy';
import { Access } from '../access/access.decorator';
import type { RequestWithAccess } from '../access/access.guard';
import { Principal } from '../access/principal';
import { ReadQueryDto } from '../http/query-params.dto';
import { ReadYourWrites } from '../http/read-your-writes';
import { decodeCursor, encodeCursor, invalidCursor } from '../http/pagination';
import { MeDto, MeNetworkDto, MeRoleDto, NETWORKS_PAGE_DEFAULT, NetworkListQueryDto, NetworkPageDto } from './me.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The caller's own view: who they are, their roles per network (from the token and granted), the networks they may see. */
@ApiTags('me')
@ApiBearerAuth()
@Controller()
export class MeController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('me')
  @Access('me.read')
  @ApiOperation({ summary: 'The caller: id, name, whether administrator, and the roles held in each network with their source' })
  @ApiOkResponse({ type: MeDto })
  async me(@Req() request: RequestWithAccess, @Query() query: ReadQueryDto): Promise<MeDto> {
    await this.readYourWrites.ensure(query.after);
    const principal = principalOf(request);
    const roles = await this.rolesByNetwork(principal);
    const names = new Map(
      (roles.size === 0 ? [] : await this.dataSource.manager.findBy(NetworkRow, { id: In([...roles.keys()]) })).map((row) => [row.id, row.name]),
    );
    const networks: MeNetworkDto[] = [...roles.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([networkId, held]) => ({ networkId, name: names.get(networkId) ?? null, roles: held, actions: actionsOfRoles(held.map(({ role }) => role)) }));
    return { userId: principal.userId, name: principal.displayName ?? null, admin: principal.admin, adminActions: principal.admin ? administratorActions() : [], networks };
  }

  @Get('networks')
  @Access('networks.list')
  @ApiOperation({ summary: 'The networks the caller may see (an administrator: every network), by id, a page at a time' })
  @ApiOkResponse({ type: NetworkPageDto })
  @ApiBadRequestResponse({ description: 'A cursor or limit that is not valid' })
  async networks(@Req() request: RequestWithAccess, @Query() query: NetworkListQueryDto): Promise<NetworkPageDto> {
    const principal = principalOf(request);
    const after = query.cursor === undefined ? null : decodeNetworkCursor(query.cursor);
    const limit = query.limit ?? NETWORKS_PAGE_DEFAULT;
    const roles = await this.rolesByNetwork(principal);
    const visible = [...roles.keys()].filter((id) => after === null || id > after);
    if (!principal.admin && visible.length === 0) return { items: [], nextCursor: null };
    const rows = await this.dataSource.manager.find(NetworkRow, {
      where: principal.admin ? (after === null ? {} : { id: MoreThan(after) }) : { id: In(visible) },
      order: { id: 'ASC' },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        name: row.name,
        region: row.region,
        responsibleBody: row.responsibleBody,
        programme: row.programme,
        registeredOn: row.registeredOn,
        openCycleId: row.openCycleId,
        roles: roles.get(row.id) ?? [],
      })),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  /** networkId (lower case) → roles, most capable first; a role both in the token and granted is listed once per source. */
  private async rolesByNetwork(principal: Principal): Promise<Map<string, MeRoleDto[]>> {
    const byNetwork = new Map<string, MeRoleDto[]>();
    const add = (networkId: string, role: Role, source: MeRoleDto['source']) => {
      const id = networkId.toLowerCase();
      const held = byNetwork.get(id) ?? [];
      if (!held.some((entry) => entry.role === role && entry.source === source)) held.push({ role, source });
      byNetwork.set(id, held);
    };
    for (const [networkId, roles] of principal.networkRoles) for (const role of roles) add(networkId, role, 'token');
    for (const row of await this.dataSource.manager.findBy(NetworkRoleRow, { userId: principal.userId })) if (isRole(row.role)) add(row.networkId, row.role, 'granted');
    const rank = (role: Role) => ROLES.indexOf(role);
    for (const held of byNetwork.values()) held.sort((a, b) => rank(a.role) - rank(b.role) || a.source.localeCompare(b.source));
    return byNetwork;
  }
}

function principalOf(request: RequestWithAccess): Principal {
  if (!request.access) throw new Error('MeController on a route without an access rule');
  return request.access.principal;
}

function decodeNetworkCursor(cursor: string): string {
  const id = decodeCursor(cursor);
  if (!UUID.test(id)) throw invalidCursor();
  return id;
}

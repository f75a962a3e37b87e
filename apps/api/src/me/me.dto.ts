import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { NETWORK_ROLES, NetworkRole } from '@kreislauf/domain';
import { Action, ACTIONS } from '../access/access-policy';

export const ROLE_SOURCES = ['token', 'granted'] as const;
export type RoleSource = (typeof ROLE_SOURCES)[number];

export const NETWORKS_PAGE_DEFAULT = 100;
export const NETWORKS_PAGE_MAX = 1000;

export class MeRoleDto {
  @ApiProperty({ enum: NETWORK_ROLES, enumName: 'NetworkRole', example: 'coordinator' })
  role!: NetworkRole;

  @ApiProperty({ enum: ROLE_SOURCES, description: 'token: the bearer token carries it; granted: a role grant of the network' })
  source!: RoleSource;
}

export class MeNetworkDto {
  @ApiProperty({ format: 'uuid' })
  networkId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The network’s name; null for a network the token names that is not registered' })
  name!: string | null;

  @ApiProperty({ type: [MeRoleDto], description: 'Every role held there, with where it comes from' })
  roles!: MeRoleDto[];

  @ApiProperty({ enum: ACTIONS, enumName: 'Action', isArray: true, description: 'What the roles held there allow, from the token and granted alike' })
  actions!: Action[];
}

export class MeDto {
  @ApiProperty({ example: 'u-anna', description: 'The token’s subject' })
  userId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Anna Koordination' })
  name!: string | null;

  @ApiProperty({ description: 'An administrator (held across networks)' })
  admin!: boolean;

  @ApiProperty({ enum: ACTIONS, enumName: 'Action', isArray: true, description: 'What the caller may do in every network as administrator; empty for anyone else' })
  adminActions!: Action[];

  @ApiProperty({ type: [MeNetworkDto], description: 'The networks where the caller holds a role, by network id' })
  networks!: MeNetworkDto[];
}

export class NetworkListQueryDto {
  @ApiPropertyOptional({ description: 'From a page’s nextCursor: the networks after it' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a nextCursor as a page returned it' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: NETWORKS_PAGE_MAX, default: NETWORKS_PAGE_DEFAULT, description: 'Networks per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(NETWORKS_PAGE_MAX)
  limit?: number;
}

export class NetworkSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Netzwerk Frühe Hilfen Kreis Viersen' })
  name!: string;

  @ApiProperty({ example: 'Kreis Viersen' })
  region!: string;

  @ApiProperty({ example: 'Kreisjugendamt Viersen' })
  responsibleBody!: string;

  @ApiProperty({ type: String, nullable: true })
  programme!: string | null;

  @ApiProperty({ example: '2016-01-01' })
  registeredOn!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  openCycleId!: string | null;

  @ApiProperty({ type: [MeRoleDto], description: 'The caller’s roles there (empty for an administrator without one)' })
  roles!: MeRoleDto[];
}

export class NetworkPageDto {
  @ApiProperty({ type: [NetworkSummaryDto] })
  items!: NetworkSummaryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Send as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}

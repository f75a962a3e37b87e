import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { UuidParam } from '../http/params';
import { AuditChainVerificationDto } from './audit-chain.dto';
import { VerifyAuditChain } from './audit-chain.query';

/** Tamper evidence: whether the stored history of a network is still what was written. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('networks')
export class AuditChainController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':networkId/audit/verify')
  @Access('audit.verify', { kind: 'network', param: 'networkId' })
  @ApiOperation({
    summary: 'Verify the hash chains of the network’s event streams and name the first broken link',
    description:
      'Recomputes the SHA-256 of every stored event of the network and checks that each names the hash of the event before it, ' +
      'that versions follow each other, and (PostgreSQL) that no stream ends before the version the store records. Reads the whole event store.',
  })
  @ApiOkResponse({ type: AuditChainVerificationDto, description: 'The verification; `ok` is false when a link is broken' })
  @ApiNotFoundResponse({ description: 'No such network' })
  verify(@UuidParam('networkId') networkId: string): Promise<AuditChainVerificationDto> {
    return this.queries.execute(new VerifyAuditChain(networkId));
  }
}

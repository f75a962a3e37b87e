import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NetworkRequest } from '@kreislauf/domain';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { UuidParam, withETag } from '../http/params';
import { RequestContext, ScopedNetworkId } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { CommandContext } from '../write/command-context';
import { NetworkWrites } from './network.writes';
import { CloseCycleDto, EnterCyclePhaseDto } from './network.dto';

/** Cycles live in their network's stream; the access guard has found which network that is. */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(private readonly networks: NetworkWrites) {}

  @Post(':cycleId/phases')
  @Access('cycle.enter_phase', { kind: 'cycle', param: 'cycleId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Enter the next phase: leitbild → steering → concretisation → reflection' })
  @ApiOkResponse({ type: WriteResponseDto })
  async enterPhase(
    @UuidParam('cycleId') cycleId: string,
    @ScopedNetworkId() networkId: string,
    @Body() body: EnterCyclePhaseDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.send(response, { type: 'EnterCyclePhase', networkId, data: { cycleId, ...body } }, context);
  }

  @Post(':cycleId/close')
  @Access('cycle.close', { kind: 'cycle', param: 'cycleId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close a cycle in its reflection phase' })
  @ApiOkResponse({ type: WriteResponseDto })
  async close(
    @UuidParam('cycleId') cycleId: string,
    @ScopedNetworkId() networkId: string,
    @Body() body: CloseCycleDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.send(response, { type: 'CloseCycle', networkId, data: { cycleId, ...body } }, context);
  }

  private async send(response: Response, command: NetworkRequest, context: CommandContext) {
    return withETag(response, await this.networks.execute(command, context));
  }
}

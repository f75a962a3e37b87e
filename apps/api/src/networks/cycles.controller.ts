import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CycleNotFound, NetworkCommand } from '@kreislauf/domain';
import { ReadModelPositions } from '@kreislauf/storage';
import type { Response } from 'express';
import { UuidParam, withETag } from '../http/params';
import { RequestContext } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { CommandContext } from '../write/command-context';
import { ExecuteNetworkCommand } from './network.commands';
import { CloseCycleDto, EnterCyclePhaseDto } from './network.dto';
import { FindNetworkOfCycle } from './network.queries';

const LOOKUP_WAIT_MS = 2000;

/** Cycles live in their network's stream; these routes find the network first. */
@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly positions: ReadModelPositions,
  ) {}

  @Post(':cycleId/phases')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Enter the next phase: leitbild → steering → concretisation → reflection' })
  @ApiOkResponse({ type: WriteResponseDto })
  async enterPhase(
    @UuidParam('cycleId') cycleId: string,
    @Body() body: EnterCyclePhaseDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const networkId = await this.networkOf(cycleId);
    return this.send(response, { type: 'EnterCyclePhase', networkId, data: { cycleId, ...body } }, context);
  }

  @Post(':cycleId/close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close a cycle in its reflection phase' })
  @ApiOkResponse({ type: WriteResponseDto })
  async close(
    @UuidParam('cycleId') cycleId: string,
    @Body() body: CloseCycleDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const networkId = await this.networkOf(cycleId);
    return this.send(response, { type: 'CloseCycle', networkId, data: { cycleId, ...body } }, context);
  }

  private async send(response: Response, command: NetworkCommand, context: CommandContext) {
    return withETag(response, await this.commands.execute(new ExecuteNetworkCommand(command, context)));
  }

  /** A cycle opened a moment ago may not be projected yet: give the read models a moment before saying 404. */
  private async networkOf(cycleId: string): Promise<string> {
    const found = await this.queries.execute(new FindNetworkOfCycle(cycleId));
    if (found) return found;
    await this.positions.waitForHead(LOOKUP_WAIT_MS);
    const retried = await this.queries.execute(new FindNetworkOfCycle(cycleId));
    if (!retried) throw new CycleNotFound(cycleId);
    return retried;
  }
}

import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';

/** Prometheus metrics, for a scraper holding an admin token. */
@ApiExcludeController()
@ApiBearerAuth()
@Controller()
export class MetricsController extends PrometheusController {
  @Get()
  @Access('metrics.read')
  override async index(@Res({ passthrough: true }) response: Response) {
    return super.index(response);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ReadModelPositions } from '@kreislauf/storage';
import { Public } from '../access/access.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly positions: ReadModelPositions,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Database reachable, each projection’s lag in events, and the events a projection could not apply (poisoned)' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      // A poisoned event does not stop the projection, so the service stays up; the list says what is missing from the read models.
      async () => this.indicators.check('projections').up({ lag: await this.positions.lag(), poisoned: await this.positions.poisoned() }),
    ]);
  }
}

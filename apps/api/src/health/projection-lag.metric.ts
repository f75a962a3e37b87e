import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReadModelPositions } from '@kreislauf/storage';
import { Gauge, register } from 'prom-client';

/** kreislauf_projection_lag_events{projection}: events each projection still has to apply, read at scrape time. */
@Injectable()
export class ProjectionLagMetric implements OnModuleInit {
  constructor(private readonly positions: ReadModelPositions) {}

  onModuleInit(): void {
    const name = 'kreislauf_projection_lag_events';
    if (register.getSingleMetric(name)) register.removeSingleMetric(name);
    const positions = this.positions;
    new Gauge({
      name,
      help: 'Events a projection has still to apply',
      labelNames: ['projection'],
      async collect() {
        for (const [projection, lag] of Object.entries(await positions.lag())) this.set({ projection }, lag);
      },
    });
  }
}

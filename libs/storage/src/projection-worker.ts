import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ProjectionRunner } from '@kreislauf/read-models';
import { STORAGE_OPTIONS, StorageOptions } from './storage-options';

/** Starts the projection runner with the application when this process runs the projections. */
@Injectable()
export class ProjectionWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionWorker.name);

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(STORAGE_OPTIONS) private readonly options: StorageOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.runProjections) return;
    this.runner.start();
    this.logger.log(`projections running in this process: ${this.runner.projections.map((p) => p.name).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

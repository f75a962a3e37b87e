import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InvalidConfiguration, loadConfig, resolveDatabase, StorageModule } from '@kreislauf/storage';

/**
 * Runs the projections on their own, for an api started with PROJECTIONS=off. Several projectors may run:
 * each batch of a projection is applied under an advisory lock, so one applies it and another takes over.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config, { reuseRunning: true });
  const app = await NestFactory.createApplicationContext(StorageModule.forRoot({ config, databaseUrl: database.url, runProjections: true }), {
    logger: ['log', 'warn', 'error'],
  });
  const logger = new Logger('projector');
  logger.log('projector running');
  const shutdown = async () => {
    await app.close();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof InvalidConfiguration ? error.message : ((error as Error)?.stack ?? String(error));
  process.stderr.write(`kreislauf projector could not start: ${message}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { closeOnSignals, exitWithStartFailure, loadConfig, resolveDatabase, StorageModule } from '@kreislauf/storage';

/**
 * Runs the projections on their own, for an api started with PROJECTIONS=off. Several projectors may run:
 * each projection is leased to one of them (a session advisory lock on that process's own connection), and
 * when that process ends, even killed, another takes the projection over within a second or two.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config, { reuseRunning: true });
  const app = await NestFactory.createApplicationContext(StorageModule.forRoot({ config, databaseUrl: database.url, owner: database.owner, runProjections: true }), {
    logger: ['log', 'warn', 'error'],
  });
  closeOnSignals(app, database);
  new Logger('projector').log('projector running');
}

main().catch(exitWithStartFailure('kreislauf projector'));

import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { closeOnSignals, exitWithStartFailure, loadConfig, resolveDatabase } from '@kreislauf/storage';
import { createApi } from './bootstrap';
import { loadDemoNetwork } from './demo/load-demo';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config);
  const app = await createApi({ config, databaseUrl: database.url, runProjections: config.PROJECTIONS === 'inprocess' });
  closeOnSignals(app, database);
  await app.listen(config.PORT, config.HOST);
  const logger = new Logger('kreislauf');
  logger.log(`listening on http://localhost:${config.PORT} (OpenAPI at /api/docs)`);
  if (process.argv.includes('--demo')) {
    const loaded = await loadDemoNetwork(app.get(CommandBus));
    logger.log(loaded ? `demo network loaded: ${loaded}` : 'demo network present already');
  }
}

main().catch(exitWithStartFailure('kreislauf'));

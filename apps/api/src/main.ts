import { Logger } from '@nestjs/common';
import { closeOnSignals, exitWithStartFailure, loadConfig, resolveDatabase } from '@kreislauf/storage';
import { createApi, listen } from './bootstrap';
import { demoWritesOf } from './demo/demo-writes';
import { loadDemoNetworks } from './demo/load-demo';
import { PersonalDataVault } from './people/personal-data-vault';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config);
  const app = await createApi({ config, databaseUrl: database.url, owner: database.owner, runProjections: config.PROJECTIONS === 'inprocess' });
  closeOnSignals(app, database);
  const address = await listen(app, config);
  const logger = new Logger('kreislauf');
  logger.log(`listening on ${address} (OpenAPI at /api/docs)`);
  if (process.argv.includes('--demo')) {
    const loaded = await loadDemoNetworks(demoWritesOf(app), app.get(PersonalDataVault));
    logger.log(loaded.length > 0 ? `demo networks loaded: ${loaded.join(', ')}` : 'demo networks present already');
  }
}

main().catch(exitWithStartFailure('kreislauf'));

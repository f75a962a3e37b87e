import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InvalidConfiguration, loadConfig, resolveDatabase } from '@kreislauf/storage';
import { createApi } from './bootstrap';
import { loadDemoNetwork } from './demo/load-demo';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config);
  const app = await createApi({ config, databaseUrl: database.url, runProjections: config.PROJECTIONS === 'inprocess' });
  await app.listen(config.PORT, config.HOST);
  const logger = new Logger('kreislauf');
  logger.log(`listening on http://localhost:${config.PORT} (OpenAPI at /api/docs)`);
  if (process.argv.includes('--demo')) {
    const loaded = await loadDemoNetwork(app.get(CommandBus));
    logger.log(loaded ? `demo network loaded: ${loaded}` : 'demo network present already');
  }
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
  process.stderr.write(`kreislauf could not start: ${message}\n`);
  process.exit(1);
});

import { exitWithStartFailure, loadConfig, resolveDatabase } from '@kreislauf/storage';
import { runCli } from './cli';

async function main(): Promise<number> {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const database = await resolveDatabase(config, { reuseRunning: true });
  try {
    return await runCli(process.argv.slice(2), config, database.url, { log: (line) => process.stdout.write(`${line}\n`) });
  } finally {
    await database.embedded?.stop();
  }
}

main().then((code) => process.exit(code), exitWithStartFailure('kreislauf cli'));

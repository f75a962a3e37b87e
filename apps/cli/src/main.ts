import { exitWithStartFailure, loadConfig, ResolvedDatabase, resolveDatabase } from '@kreislauf/storage';
import { runCli } from './cli';

async function main(): Promise<number> {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  let database: ResolvedDatabase | null = null;
  try {
    const connect = async () => {
      database = await resolveDatabase(config, { reuseRunning: true });
      return database;
    };
    return await runCli(process.argv.slice(2), config, connect, { log: (line) => process.stdout.write(`${line}\n`) });
  } finally {
    await (database as ResolvedDatabase | null)?.embedded?.stop();
  }
}

main().then((code) => process.exit(code), exitWithStartFailure('kreislauf cli'));

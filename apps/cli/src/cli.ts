import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ProjectionRunner } from '@kreislauf/read-models';
import { AppConfig, ReadModelPositions, StorageModule } from '@kreislauf/storage';

export const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate                        create or update the event store schema and the read-model tables
  projections:rebuild [name]     recompute one projection (or all) from position 0; readers keep the old rows until it commits
  projections:list               the projections and how many events each has still to apply
`;

export interface CliOutput {
  log(line: string): void;
}

/** Runs one admin command against the configured database; returns the process exit code. */
export async function runCli(argv: string[], config: AppConfig, databaseUrl: string, out: CliOutput): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    out.log(USAGE);
    return command ? 0 : 2;
  }
  if (!['migrate', 'projections:rebuild', 'projections:list'].includes(command)) {
    out.log(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  // Starting the storage module migrates both stores; the projections stay off in the cli.
  const app = await NestFactory.createApplicationContext(StorageModule.forRoot({ config, databaseUrl, runProjections: false }), { logger: ['error', 'warn'] });
  try {
    const runner = app.get(ProjectionRunner);
    switch (command) {
      case 'migrate':
        out.log('event store and read models are up to date');
        return 0;
      case 'projections:list': {
        const lag = await app.get(ReadModelPositions).lag();
        for (const projection of runner.projections) out.log(`${projection.name}\tlag ${lag[projection.name]} events\treads ${projection.eventTypes.join(', ')}`);
        return 0;
      }
      case 'projections:rebuild': {
        const names = args.length > 0 ? args : runner.projections.map((projection) => projection.name);
        const unknown = names.filter((name) => !runner.projections.some((projection) => projection.name === name));
        if (unknown.length > 0) {
          out.log(`Unknown projection: ${unknown.join(', ')}; known: ${runner.projections.map((p) => p.name).join(', ')}`);
          return 2;
        }
        for (const name of names) {
          const started = Date.now();
          const events = await runner.rebuild(name);
          out.log(`rebuilt ${name}: ${events} events in ${Date.now() - started} ms`);
        }
        return 0;
      }
    }
    return 2;
  } finally {
    await app.close();
  }
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ProjectionRunner } from '@kreislauf/read-models';
import { AppConfig, issueEmbeddedToken, loadSigningSecret, ReadModelPositions, StorageModule } from '@kreislauf/storage';

export const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate                        create or update the event store schema and the read-model tables
  projections:rebuild [name]     recompute one projection (or all) from position 0; readers keep the old rows until it commits
  projections:list               the projections and how many events each has still to apply
  token --user <id> [--name "<display name>"] --role <role>@<networkId> [--role …] [--expires 12h]
                                 print a bearer token signed with the embedded secret (AUTH_MODE=embedded);
                                 roles: coordinator, steering, member, funder (per network), admin (across networks)
`;

export interface CliOutput {
  log(line: string): void;
}

const DATABASE_COMMANDS = ['migrate', 'projections:rebuild', 'projections:list'];

/**
 * Runs one admin command; returns the process exit code. `database` is asked for only by the commands
 * that need one (a token needs none).
 */
export async function runCli(argv: string[], config: AppConfig, database: () => Promise<string>, out: CliOutput): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    out.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'token') return printToken(args, config, out);
  if (!DATABASE_COMMANDS.includes(command)) {
    out.log(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  const databaseUrl = await database();
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

const ROLE_ARGUMENT = /^(admin|(coordinator|steering|member|funder)@[0-9a-fA-F-]{36})$/;

async function printToken(args: string[], config: AppConfig, out: CliOutput): Promise<number> {
  if (config.AUTH_MODE !== 'embedded') {
    out.log('AUTH_MODE=oidc: tokens come from the identity provider, not from this command');
    return 2;
  }
  const options = parseOptions(args);
  if ('error' in options) {
    out.log(`${options.error}\n\n${USAGE}`);
    return 2;
  }
  const { user, name, roles, expires } = options;
  const invalid = roles.filter((role) => !ROLE_ARGUMENT.test(role));
  if (!user || roles.length === 0 || invalid.length > 0) {
    out.log(`${invalid.length > 0 ? `Not a role: ${invalid.join(', ')}` : 'token needs --user and at least one --role'}\n\n${USAGE}`);
    return 2;
  }
  out.log(await issueEmbeddedToken(loadSigningSecret(config), { userId: user, displayName: name, roles, expiresIn: expires ?? '12h' }));
  return 0;
}

function parseOptions(args: string[]): { user?: string; name?: string; roles: string[]; expires?: string } | { error: string } {
  const parsed: { user?: string; name?: string; roles: string[]; expires?: string } = { roles: [] };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined || value.startsWith('--')) return { error: `${flag} needs a value` };
    if (flag === '--user') parsed.user = value;
    else if (flag === '--name') parsed.name = value;
    else if (flag === '--role') parsed.roles.push(value);
    else if (flag === '--expires') {
      if (!/^\d+[smhd]$/.test(value)) return { error: '--expires takes a duration such as 30m, 12h or 7d' };
      parsed.expires = value;
    } else return { error: `Unknown option ${flag}` };
  }
  return parsed;
}

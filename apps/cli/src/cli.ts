import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { EVENT_STORE, EventStore } from '@kreislauf/event-store';
import { ProjectionRunner } from '@kreislauf/read-models';
import { AppConfig, DatabaseOwner, issueEmbeddedToken, loadSigningSecret, ReadModelPositions, StorageModule } from '@kreislauf/storage';
import { auditCheck, auditExport, auditKey, auditVerify } from './audit-commands';
import { auditSigningKeyFile, loadAuditSigningKey } from './audit-signing-key';
import type { CliOutput } from './cli-output';

export const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate                        create or update the event store schema and the read-model tables
  projections:rebuild [name]     recompute one projection (or all) from position 0; readers keep the old rows until it commits
  projections:list               the projections, how many events each has still to apply and has passed over
                                 (poisoned: it could not apply them), then each passed-over event
  token --user <id> [--name "<display name>"] --role <role>@<networkId> [--role …] [--expires 12h]
                                 print a bearer token signed with the embedded secret (AUTH_MODE=embedded);
                                 roles: coordinator, steering, member, funder (per network), admin (across networks)
  audit:verify [networkId] [--json]
                                 check every event's hash and every stream's chain (of one network, or the whole
                                 store) and name the first broken link; exit code 1 when one is broken
  audit:export <networkId> <file>
                                 write the network's events with their hashes and a manifest signed with the
                                 audit key (Ed25519, AUDIT_SIGNING_KEY_FILE, created on first use) to one file
  audit:check <file> [--fingerprint <hex>]
                                 verify such a file offline, without the database: signature, every hash and chain,
                                 the events' digest; with --fingerprint the signing key must be that one
  audit:key                      print the audit signing key's public key and fingerprint, for auditors to compare
`;

export type { CliOutput } from './cli-output';

const DATABASE_COMMANDS = ['migrate', 'projections:rebuild', 'projections:list', 'audit:verify', 'audit:export'];
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Runs one admin command; returns the process exit code. `database` (a URL, or one with the schema owner
 * beside it) is asked for only by the commands that need one (a token needs none).
 */
export async function runCli(argv: string[], config: AppConfig, database: () => Promise<string | { url: string; owner?: DatabaseOwner }>, out: CliOutput): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    out.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'token') return printToken(args, config, out);
  if (command === 'audit:key') return auditKey(loadAuditSigningKey(config), auditSigningKeyFile(config), out);
  if (command === 'audit:check') {
    const [file, flag, fingerprint, ...rest] = args;
    if (!file || (flag !== undefined && (flag !== '--fingerprint' || !fingerprint)) || rest.length > 0) return usage('audit:check needs a file, and --fingerprint a value', out);
    return auditCheck(file, fingerprint, out);
  }
  if (!DATABASE_COMMANDS.includes(command)) return usage(`Unknown command: ${command}`, out);
  const argumentProblem = auditArgumentProblem(command, args);
  if (argumentProblem) return usage(argumentProblem, out);
  // Loaded before anything is read, so that an unusable key stops the export at once.
  const signingKey = command === 'audit:export' ? loadAuditSigningKey(config) : null;
  const connection = await database();
  const { url: databaseUrl, owner } = typeof connection === 'string' ? { url: connection, owner: undefined } : connection;
  // Starting the storage module migrates both stores (as the owner, when there is one); the projections stay off in the cli.
  const app = await NestFactory.createApplicationContext(StorageModule.forRoot({ config, databaseUrl, owner, runProjections: false }), { logger: ['error', 'warn'] });
  try {
    const runner = app.get(ProjectionRunner);
    switch (command) {
      case 'migrate':
        out.log('event store and read models are up to date');
        return 0;
      case 'projections:list': {
        const positions = app.get(ReadModelPositions);
        const [lag, poisoned] = await Promise.all([positions.lag(), positions.poisoned()]);
        for (const projection of runner.projections) {
          const passedOver = poisoned.filter((event) => event.projection === projection.name).length;
          out.log(`${projection.name}\tlag ${lag[projection.name]} events\tpoisoned ${passedOver}\treads ${projection.eventTypes.join(', ')}`);
        }
        // What /health lists: the events a projection went past, so that an operator sees what a read model lacks.
        for (const event of poisoned) out.log(`poisoned\t${event.projection}\tposition ${event.position}\t${event.type} in ${event.streamId}\t${event.error}`);
        return 0;
      }
      case 'audit:verify': {
        const json = args.includes('--json');
        const networkId = args.find((arg) => arg !== '--json') ?? null;
        return await auditVerify(app.get<EventStore>(EVENT_STORE), networkId, json, out);
      }
      case 'audit:export':
        return await auditExport(app.get<EventStore>(EVENT_STORE), args[0], args[1], signingKey!, out);
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

function usage(problem: string, out: CliOutput): number {
  out.log(`${problem}\n\n${USAGE}`);
  return 2;
}

function auditArgumentProblem(command: string, args: string[]): string | null {
  if (command === 'audit:verify') {
    const rest = args.filter((arg) => arg !== '--json');
    if (rest.length > 1 || (rest.length === 1 && !UUID.test(rest[0]))) return 'audit:verify takes at most a network id (a UUID) and --json';
  }
  if (command === 'audit:export' && (args.length !== 2 || !UUID.test(args[0]))) return 'audit:export needs a network id (a UUID) and a file';
  return null;
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

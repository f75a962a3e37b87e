/**
 * The production compose files, checked without a Docker engine (none exists on the development machine
 * or in CI): each file is parsed with `yaml` and validated against the Compose Specification JSON schema
 * (docker/compose-spec.schema.json, vendored from compose-spec/compose-spec, schema/compose-spec.json at
 * commit 00655e2222608fa6eaecdf12ac5195889ca2244a; see docker/README.md), then against the rules of this
 * project that the schema cannot express. A last block shows that the checks catch typical mistakes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { loadConfig } from '@kreislauf/storage/app-config';

const ROOT = join(__dirname, '..');
const DOCKER = join(ROOT, 'docker');

interface Healthcheck {
  test?: string | string[];
  disable?: boolean | string;
}
interface Dependency {
  condition?: string;
}
interface LongVolume {
  type?: string;
  source?: string;
  target?: string;
  read_only?: boolean | string;
  bind?: { create_host_path?: boolean | string };
}
type EnvFile = string | Array<string | { path: string }>;
interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[] | null;
  entrypoint?: string | string[] | null;
  environment?: Record<string, unknown> | string[];
  env_file?: EnvFile;
  depends_on?: string[] | Record<string, Dependency>;
  healthcheck?: Healthcheck;
  restart?: string;
  volumes?: Array<string | LongVolume>;
}
interface ComposeFile {
  name?: string;
  services?: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** What each file must run: the event store of the app, and the databases api and projector wait for. */
const COMPOSE_FILES = [
  { file: 'compose.yml', eventStore: 'eventstoredb', databases: ['kurrentdb', 'postgres'] },
  { file: 'compose.postgres.yml', eventStore: 'postgres', databases: ['postgres'] },
] as const;

/** The services built from this repository (docker/Dockerfile). */
const APP_SERVICES = ['migrate', 'api', 'projector'];
/** Services that run until stopped and are started after the databases. */
const LONG_RUNNING_APP_SERVICES = ['api', 'projector'];
/** Environment keys whose values are credentials: never inline in a compose file. */
const SECRET_KEY = /SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE_KEY|DATABASE_URL|CONNECTION_STRING/i;
/** `*_FILE` and `*_PATH` keys name a file (a certificate, a key), not a secret value. */
const FILE_REFERENCE_KEY = /_(FILE|PATH)$/;
const CREDENTIALS_IN_URL = /:\/\/[^/\s:@]+:[^@\s]+@/;
const FLOATING_TAGS = ['latest', 'lts', 'stable', 'current', 'edge', 'nightly'];

function readDockerFile(name: string): string {
  return readFileSync(join(DOCKER, name), 'utf8');
}

function parseCompose(text: string, file: string): ComposeFile {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('\n')}`);
  return document.toJS() as ComposeFile;
}

function loadCompose(file: string): ComposeFile {
  return parseCompose(readDockerFile(file), file);
}

function composeSchemaValidator(): ValidateFunction {
  const schema = JSON.parse(readDockerFile('compose-spec.schema.json')) as { $schema: string };
  const draft07 = JSON.parse(readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-07.json'), 'utf8')) as Record<string, unknown>;
  // strictTypes off: one branch of the schema ("gpus") puts additionalProperties on an array. The other
  // strict checks (unknown keywords and the like) stay on.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  // The schema declares draft-07 as https://json-schema.org/draft-07/schema; ajv ships the same
  // meta-schema under its http:// id.
  ajv.addMetaSchema({ ...draft07, $id: schema.$schema });
  return ajv.compile(schema);
}

const validateSchema = composeSchemaValidator();

function schemaErrors(compose: unknown): string[] {
  if (validateSchema(compose)) return [];
  return (validateSchema.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

/** `${VAR:-default}` and `${VAR-default}` as their default, other variables as empty: what an unset environment gives. */
function withDefaults(value: string): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?(?::?\?[^}]*)?\}/g, (_match, _name, fallback?: string) => fallback ?? '');
}

function environmentOf(service: Service): Record<string, unknown> {
  const environment = service.environment ?? {};
  if (!Array.isArray(environment)) return environment;
  return Object.fromEntries(environment.map((entry) => [entry.split('=')[0], entry.includes('=') ? entry.slice(entry.indexOf('=') + 1) : null]));
}

function envFilesOf(service: Service): string[] {
  const files = service.env_file === undefined ? [] : Array.isArray(service.env_file) ? service.env_file : [service.env_file];
  return files.map((entry) => (typeof entry === 'string' ? entry : entry.path));
}

function dependenciesOf(service: Service): Record<string, string> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, dependency]) => [name, dependency?.condition ?? 'service_started']));
}

function isTrue(value: unknown): boolean {
  return value === true || String(value).toLowerCase() === 'true';
}

function isDatabase(service: Service): boolean {
  const image = withDefaults(service.image ?? '');
  return /(^|\/)postgres:/.test(image) || /kurrentdb|eventstore/.test(image);
}

/** Repository, tag and digest of an image reference. */
function imageParts(reference: string): { repository: string; tag: string | null; digest: string | null } {
  const [name, digest = null] = reference.split('@');
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  return colon < 0 ? { repository: name, tag: null, digest } : { repository: name.slice(0, colon), tag: name.slice(colon + 1), digest };
}

interface Mount {
  kind: 'volume' | 'bind' | 'other';
  source: string;
  target: string;
  readOnly: boolean;
}

function mountsOf(service: Service): Mount[] {
  return (service.volumes ?? []).map((volume) => {
    if (typeof volume === 'string') {
      const [source, target = '', mode = ''] = volume.split(':');
      const bind = /^[./~$]/.test(source);
      return { kind: bind ? 'bind' : 'volume', source, target, readOnly: mode.split(',').includes('ro') };
    }
    const kind = volume.type === 'volume' || volume.type === 'bind' ? volume.type : 'other';
    return { kind, source: volume.source ?? '', target: volume.target ?? '', readOnly: isTrue(volume.read_only) };
  });
}

/** KEY=VALUE lines of an env file; blank lines and # comments skipped. */
function parseEnvFile(text: string): Record<string, string> {
  const entries: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const separator = trimmed.indexOf('=');
    if (separator < 1) throw new Error(`not KEY=VALUE: ${trimmed}`);
    entries.push([trimmed.slice(0, separator), trimmed.slice(separator + 1)]);
  }
  return Object.fromEntries(entries);
}

function gitignored(path: string): boolean {
  const lines = readFileSync(join(ROOT, '.gitignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim());
  const directory = path.slice(0, path.lastIndexOf('/') + 1);
  const extension = path.slice(path.lastIndexOf('.'));
  return lines.includes(path) || lines.includes(`${directory}*${extension}`);
}

/**
 * The rules of this project that the schema cannot express; one message per violation.
 * `expected` says which event store the file runs and which databases api and projector wait for.
 */
function projectRuleViolations(compose: ComposeFile, expected: { eventStore: string; databases: readonly string[] }): string[] {
  const problems: string[] = [];
  const services = compose.services ?? {};
  const declaredVolumes = Object.keys(compose.volumes ?? {});
  const usedVolumes = new Set<string>();
  const completedBy = new Set(
    Object.values(services).flatMap((service) =>
      Object.entries(dependenciesOf(service))
        .filter(([, condition]) => condition === 'service_completed_successfully')
        .map(([name]) => name),
    ),
  );

  for (const [name, service] of Object.entries(services)) {
    const at = `services.${name}`;

    // Healthchecks and one-shots.
    const oneShot = service.restart === 'no' && completedBy.has(name);
    const healthcheck = service.healthcheck;
    const checked = healthcheck !== undefined && !isTrue(healthcheck.disable) && healthcheck.test !== undefined;
    if (!checked && !oneShot) problems.push(`${at}: needs a healthcheck (or is a one-shot: restart "no", awaited with service_completed_successfully)`);
    if (!oneShot && !['always', 'unless-stopped', 'on-failure'].includes(String(service.restart ?? '').split(':')[0])) {
      problems.push(`${at}: a long-running service needs restart always, unless-stopped or on-failure`);
    }
    const test = healthcheck?.test;
    if (Array.isArray(test) && !(['CMD', 'NONE'].includes(test[0]) || (test[0] === 'CMD-SHELL' && test.length === 2))) {
      problems.push(`${at}.healthcheck.test: starts with CMD, CMD-SHELL (with one command string) or NONE, not ${JSON.stringify(test[0])}`);
    }

    // Start order.
    const dependencies = dependenciesOf(service);
    for (const dependency of Object.keys(dependencies)) {
      if (!(dependency in services)) problems.push(`${at}.depends_on: no service ${dependency}`);
    }
    if (LONG_RUNNING_APP_SERVICES.includes(name) || name === 'migrate') {
      for (const database of expected.databases) {
        if (dependencies[database] !== 'service_healthy') problems.push(`${at}: must depend on ${database} with condition service_healthy`);
      }
    }
    if (LONG_RUNNING_APP_SERVICES.includes(name) && dependencies.migrate !== 'service_completed_successfully') {
      problems.push(`${at}: must depend on migrate with condition service_completed_successfully`);
    }

    // Environment: strings only, no secrets inline.
    const environment = environmentOf(service);
    for (const [key, value] of Object.entries(environment)) {
      if (typeof value !== 'string') problems.push(`${at}.environment.${key}: quote the value (YAML read ${JSON.stringify(value)} as ${typeof value})`);
      if (SECRET_KEY.test(key) && !FILE_REFERENCE_KEY.test(key)) problems.push(`${at}.environment.${key}: a secret belongs in an env_file, not in the compose file`);
      if (typeof value === 'string' && CREDENTIALS_IN_URL.test(value)) problems.push(`${at}.environment.${key}: credentials in a URL belong in an env_file`);
    }
    for (const envFile of envFilesOf(service)) {
      if (!/^[a-z0-9-]+\.env$/.test(envFile)) problems.push(`${at}.env_file: ${envFile} is not a docker/<name>.env file`);
      else if (!existsSync(join(DOCKER, `${envFile}.example`))) problems.push(`${at}.env_file: docker/${envFile}.example (its committed template) is missing`);
      if (!gitignored(`docker/${envFile}`)) problems.push(`${at}.env_file: docker/${envFile} is not ignored by .gitignore`);
    }

    // Images pinned.
    if (!service.image) problems.push(`${at}: needs an image (app services: image and build)`);
    else {
      const { tag, digest } = imageParts(withDefaults(service.image));
      if (!digest && (!tag || FLOATING_TAGS.includes(tag))) problems.push(`${at}.image: ${service.image} is not pinned to a version`);
    }

    // Volumes declared; bind mounts read-only.
    for (const mount of mountsOf(service)) {
      if (mount.kind === 'volume') {
        usedVolumes.add(mount.source);
        if (!declaredVolumes.includes(mount.source)) problems.push(`${at}.volumes: ${mount.source} is not declared under volumes`);
      }
      if (mount.kind === 'bind' && !mount.readOnly) problems.push(`${at}.volumes: bind mount ${mount.source} must be read-only`);
    }

    // The databases keep their data in named volumes, at the path their image uses.
    const image = withDefaults(service.image ?? '');
    const volumeTargets = mountsOf(service)
      .filter((mount) => mount.kind === 'volume')
      .map((mount) => mount.target);
    const postgresMajor = /(^|\/)postgres:(\d+)/.exec(image)?.[2];
    if (postgresMajor) {
      const dataDirectory = Number(postgresMajor) >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
      if (!volumeTargets.includes(dataDirectory)) problems.push(`${at}: PostgreSQL ${postgresMajor} needs a named volume at ${dataDirectory}`);
    }
    if (/kurrentdb/.test(image) && !volumeTargets.includes('/var/lib/kurrentdb')) problems.push(`${at}: KurrentDB needs a named volume at /var/lib/kurrentdb`);
    if (/eventstore\/eventstore/.test(image) && !volumeTargets.includes('/var/lib/eventstore')) problems.push(`${at}: EventStoreDB needs a named volume at /var/lib/eventstore`);

    // KurrentDB / EventStoreDB in secure mode.
    if (/kurrentdb|eventstore/.test(image)) {
      const args = [service.command ?? []].flat().join(' ');
      for (const prefix of ['KURRENTDB', 'EVENTSTORE']) {
        if (isTrue(environment[`${prefix}_INSECURE`]) || isTrue(environment[`${prefix}_DEV`])) problems.push(`${at}: insecure or dev mode is not for production`);
      }
      if (/--insecure|--dev\b/.test(args)) problems.push(`${at}.command: insecure or dev mode is not for production`);
      if (!environment.KURRENTDB_CERTIFICATE_FILE && !environment.EVENTSTORE_CERTIFICATE_FILE) problems.push(`${at}: needs its certificate (…_CERTIFICATE_FILE)`);
    }

    // The app: same image everywhere, the expected event store, projections in the projector.
    if (APP_SERVICES.includes(name)) {
      if (service.build === undefined) problems.push(`${at}: needs build (docker/Dockerfile)`);
      if (environment.EVENT_STORE !== expected.eventStore) problems.push(`${at}: EVENT_STORE must be ${expected.eventStore}`);
      if (service.image !== services.api?.image) problems.push(`${at}: must run the api's image`);
    }
    if (name === 'api' && environment.PROJECTIONS !== 'off') problems.push(`${at}: PROJECTIONS must be off (the projector runs them)`);
  }

  for (const app of APP_SERVICES) if (!(app in services)) problems.push(`services.${app} is missing`);
  for (const database of expected.databases) {
    if (!(database in services)) problems.push(`services.${database} is missing`);
    else if (!isDatabase(services[database])) problems.push(`services.${database}: not a database image`);
  }
  for (const volume of declaredVolumes) if (!usedVolumes.has(volume)) problems.push(`volumes.${volume}: declared but used by no service`);
  return problems;
}

/** The app's configuration as one app service of the file would see it: kreislauf.env.example, then its environment. */
function appEnvironment(compose: ComposeFile, service: string): Record<string, string> {
  const fromFiles = envFilesOf(compose.services?.[service] ?? {}).map((file) => parseEnvFile(readDockerFile(`${file}.example`)));
  const inline = Object.fromEntries(Object.entries(environmentOf(compose.services?.[service] ?? {})).map(([key, value]) => [key, String(value)]));
  return Object.assign({}, ...fromFiles, inline) as Record<string, string>;
}

describe.each(COMPOSE_FILES)('docker/$file', ({ file, eventStore, databases }) => {
  const compose = loadCompose(file);

  it('is valid against the Compose Specification schema', () => {
    expect(schemaErrors(compose)).toEqual([]);
  });

  it('follows the project rules: healthchecks or one-shots, start order, no inline secrets, pinned images, declared volumes', () => {
    expect(projectRuleViolations(compose, { eventStore, databases })).toEqual([]);
  });

  it.each(APP_SERVICES)('gives %s an environment that the app accepts, with no unknown key', (service) => {
    const environment = appEnvironment(compose, service);
    const config = loadConfig(environment);
    const unknown = Object.keys(environment).filter((key) => environment[key] !== '' && !(key in config));
    expect(unknown).toEqual([]);
    expect(config.EVENT_STORE).toBe(eventStore);
  });
});

describe('docker/*.env.example', () => {
  const examples = ['kreislauf.env.example', 'postgres.env.example', 'kurrentdb.env.example'];

  it.each(examples)('%s holds placeholders, not secrets', (file) => {
    const entries = Object.entries(parseEnvFile(readDockerFile(file)));
    expect(entries.length).toBeGreaterThan(0);
    const secrets = entries.filter(([key, value]) => (SECRET_KEY.test(key) || CREDENTIALS_IN_URL.test(value)) && !value.includes('CHANGE_ME'));
    expect(secrets).toEqual([]);
  });

  it('connects to KurrentDB over verified TLS', () => {
    const connection = parseEnvFile(readDockerFile('kreislauf.env.example')).EVENTSTORE_CONNECTION_STRING;
    expect(connection).toMatch(/[?&]tls=true(&|$)/);
    expect(connection).toMatch(/[?&]tlsCAFile=/);
    expect(connection).not.toMatch(/tlsVerifyCert=false/);
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = readDockerFile('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];
  const stageNamed = (name: string) => stages.find((stage) => new RegExp(`^\\S+ AS ${name}\\s`, 'i').test(stage)) ?? '';

  it('builds from a pinned Node image', () => {
    const image = /^ARG NODE_IMAGE=(\S+)/m.exec(dockerfile)?.[1] ?? '';
    expect(image).toMatch(/^node:\d+\.\d+\.\d+-/);
  });

  it('ships production dependencies only, without the embedded PostgreSQL binaries', () => {
    const source = /^COPY --from=(\S+) \/app\/node_modules/m.exec(runtime)?.[1] ?? '';
    expect(stageNamed(source)).toMatch(/npm ci [^\n]*--omit=dev/);
    expect(stageNamed(source)).toMatch(/npm ci [^\n]*--omit=optional/);
    expect(runtime).not.toMatch(/npm (ci|install)/);
  });

  it('runs as a user other than root, with a healthcheck on /health', () => {
    const user = /^USER (\S+)/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/health/m);
    expect(runtime).toMatch(/^CMD \["node", "-r", "tsconfig-paths\/register", "dist\/apps\/api\/src\/main\.js"\]/m);
    expect(runtime).toMatch(/^COPY [^\n]*tsconfig\.json/m);
  });

  it('copies no whole build context, and the context leaves secrets out', () => {
    expect(dockerfile).not.toMatch(/^COPY \. /m);
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'docker/*', '**/*.env']));
  });
});

/** Broken copies of docker/compose.yml: each mistake must be reported. */
describe('the checks catch mistakes', () => {
  const original = readDockerFile('compose.yml');
  const expected = COMPOSE_FILES[0];
  const problemsOf = (text: string) => {
    const compose = parseCompose(text, 'compose.yml (changed)');
    return [...schemaErrors(compose), ...projectRuleViolations(compose, expected)];
  };
  const changed = (from: string, to: string) => {
    expect(original).toContain(from);
    return original.replace(from, to);
  };

  it('accepts the file as it is', () => {
    expect(problemsOf(original)).toEqual([]);
  });

  it.each([
    ['a misspelt key', () => changed('    healthcheck:\n      # Over TCP', '    healtcheck:\n      # Over TCP'), /additional properties.*healtcheck|postgres: needs a healthcheck/],
    ['an unknown depends_on condition', () => changed('      postgres:\n        condition: service_healthy\n      kurrentdb:', '      x:\n        condition: healthy\n      kurrentdb:'), /allowed values|no service x/],
    ['a database without healthcheck in the start order', () => changed('      postgres:\n        condition: service_healthy\n      kurrentdb:\n        condition: service_healthy\n      migrate:', '      postgres:\n        condition: service_started\n      kurrentdb:\n        condition: service_healthy\n      migrate:'), /api: must depend on postgres with condition service_healthy/],
    ['a secret inline', () => changed('      PROJECTIONS: "off"', '      PROJECTIONS: "off"\n      AUTH_SECRET: "0123456789abcdef0123456789abcdef"'), /AUTH_SECRET: a secret belongs in an env_file/],
    ['a floating image tag', () => changed('image: postgres:18', 'image: postgres:latest'), /postgres:latest is not pinned/],
    ['an undeclared volume', () => changed('      - postgres-data:/var/lib/postgresql', '      - pgdata:/var/lib/postgresql'), /pgdata is not declared/],
    ['the pre-18 PostgreSQL data path', () => changed('      - postgres-data:/var/lib/postgresql', '      - postgres-data:/var/lib/postgresql/data'), /needs a named volume at \/var\/lib\/postgresql$/],
    ['an unquoted YAML boolean', () => changed('      PROJECTIONS: "off"', '      PROJECTIONS: false'), /quote the value/],
    ['KurrentDB in insecure mode', () => changed('KURRENTDB_INSECURE: "false"', 'KURRENTDB_INSECURE: "true"'), /insecure or dev mode/],
    ['projections left in the api', () => changed('      PROJECTIONS: "off"', '      PROJECTIONS: "inprocess"'), /PROJECTIONS must be off/],
    ['a duplicated key', () => changed('    restart: unless-stopped\n    init: true\n    healthcheck:\n      test: ["CMD", "node", "-e", "fetch', '    restart: unless-stopped\n    restart: always\n    init: true\n    healthcheck:\n      test: ["CMD", "node", "-e", "fetch'), null],
  ] as Array<[string, () => string, RegExp | null]>)('reports %s', (_mistake, change, message) => {
    const broken = change();
    if (message === null) {
      expect(() => problemsOf(broken)).toThrow(/unique|duplicate/i);
      return;
    }
    const problems = problemsOf(broken);
    expect(problems.some((problem) => message.test(problem))).toBe(true);
  });
});

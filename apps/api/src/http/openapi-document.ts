import { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { HeaderObject, OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { problemCodesByStatus, problemSchema } from './openapi/problems';
import { applyQueryConstraints, applyValidationConstraints, ValidatedClass } from './openapi/validation-constraints';
import { PROBLEM_CONTENT_TYPE } from './problem';

const TAGS: Record<string, string> = {
  me: 'The caller: who they are, their roles, the networks they may see',
  networks: 'Prevention networks, their cycles of quality development, goal definitions, boards and reviews due',
  roles: 'Roles granted and revoked in a network',
  goals: 'Goals: concretisation, measurements, reviews, reorientations, history and changes over time',
  leitbild: 'The network’s Leitbild (vision and guiding principles), drafted and adopted',
  organisations: 'Member organisations: joining, description, departure',
  bodies: 'Plenaries, steering and working groups with their members',
  meetings: 'Meetings of the bodies: topics, attendance, decisions',
  offers: 'Offers of the prevention chain and the offer landscape',
  assessments: 'Self-assessment rounds on quality frameworks, their agenda, priorities and comparisons',
  frameworks: 'Quality frameworks and their versions',
  reports: 'Reports for funders: progress report and programme history',
  audit: 'The audit log and the verification of its hash chain',
  people: 'Personal data of people named in a network’s events, and its erasure',
  health: 'Whether the service and its read models are well',
};

const STATUS_NAMES: Record<number, string> = {
  400: 'The request is malformed: a field, parameter or header that is not valid',
  401: 'No valid bearer token',
  403: 'The token’s roles do not allow this here',
  404: 'No such resource, or not one the caller may see',
  409: 'A conflict: the stream changed since If-Match, or the Idempotency-Key is in use',
  413: 'The body is larger than the service takes',
  415: 'The body is not application/json',
  422: 'A rule of the domain refuses the request',
  429: 'Too many requests from this client just now',
  500: 'An error the service did not expect: it is logged, and a write that failed so changed nothing',
  503: 'The service cannot answer just now; retry after Retry-After seconds',
};

const HEADERS: Record<string, HeaderObject> = {
  ETag: { description: 'The stream version, quoted ("3"); send it back as If-Match', schema: { type: 'string', pattern: '^"\\d+"$', example: '"3"' } },
  IdempotentReplayed: { description: '"true" when this is the stored answer of an earlier request with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } },
  Location: { description: 'The URL of the resource created', schema: { type: 'string', format: 'uri-reference', example: '/api/v1/goals/6f1c2a54-0a6b-4f5e-9a43-3c2f2e1b7d10' } },
  RetryAfter: { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0, example: 2 } },
  RateLimitLimit: { description: 'Requests allowed per minute for this client', schema: { type: 'integer', minimum: 0 } },
  RateLimitRemaining: { description: 'Requests left in the current minute', schema: { type: 'integer', minimum: 0 } },
  RateLimitReset: { description: 'Seconds until the current minute’s count starts afresh', schema: { type: 'integer', minimum: 0 } },
  WWWAuthenticate: { description: 'Bearer', schema: { type: 'string', example: 'Bearer' } },
};

const PARAMETERS: Record<string, ParameterObject> = {
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'The version (ETag) the change was made against; if the stream has moved on, 409 concurrency.stale_version',
    schema: { type: 'string', pattern: '^(W/)?"?\\d+"?$', example: '"3"' },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Makes a retry safe: the same key and body answer with the first answer (Idempotent-Replayed: true) and write nothing',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,200}$' },
  },
};

const header = (name: keyof typeof HEADERS): ReferenceObject => ({ $ref: `#/components/headers/${name}` });
const RATE_LIMIT = { 'X-RateLimit-Limit': header('RateLimitLimit'), 'X-RateLimit-Remaining': header('RateLimitRemaining'), 'X-RateLimit-Reset': header('RateLimitReset') };

/** The OpenAPI document of the api, as served at /api/docs-json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('kreislauf')
      .setDescription('Quality development of municipal prevention networks: goals, reviews and reorientations as events.')
      .setVersion('1')
      .addServer('/', 'This installation')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  // package.json: UNLICENSED, a private project; there is no licence text to link.
  document.info.license = { name: 'UNLICENSED' };
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, SchemaObject>;
  applyValidationConstraints(schemas);
  describeProblems(schemas);
  components.headers = { ...HEADERS };
  components.parameters = { ...PARAMETERS };
  const queries = queryClasses(app);
  const used = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (typeof operation !== 'object' || !operation.responses) continue;
      for (const tag of operation.tags ?? []) used.add(tag);
      describeOperation(path, method, operation);
      const query = operation.operationId ? queries.get(operation.operationId) : undefined;
      if (query) applyQueryConstraints(operation.parameters ?? [], query);
    }
  }
  document.tags = [...used].sort().map((name) => ({ name, description: TAGS[name] ?? name }));
  return document;
}

/** `Problem` with every code, and one schema per status with the codes that status comes with. */
function describeProblems(schemas: Record<string, SchemaObject>): void {
  const byStatus = problemCodesByStatus();
  schemas.Problem = problemSchema([...byStatus.values()].flat().sort());
  for (const status of Object.keys(STATUS_NAMES).map(Number)) {
    const codes = byStatus.get(status) ?? [];
    schemas[`Problem${status}`] = {
      allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { status: { type: 'integer', enum: [status] }, code: { type: 'string', enum: codes } } }],
    };
  }
}

function describeOperation(path: string, method: string, operation: OperationObject): void {
  operation.description ??= operation.summary;
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  const inApi = path.startsWith('/api/v1/');
  if (!inApi && !operation.security) operation.security = [];
  const write = method === 'post';
  const statuses = new Set<number>([400, 429, 500, 503]);
  if (inApi && !isPublic) [401, 403].forEach((status) => statuses.add(status));
  if (/\{[A-Za-z]+\}/.test(path)) statuses.add(404);
  if (write) [409, 413, 415, 422].forEach((status) => statuses.add(status));
  for (const status of Object.keys(operation.responses).map(Number)) if (status >= 400) statuses.add(status);
  if (!inApi) statuses.delete(400);

  for (const [code, response] of Object.entries(operation.responses) as [string, ResponseObject][]) {
    const status = Number(code);
    if (status < 200 || status >= 300) continue;
    const headers: Record<string, HeaderObject | ReferenceObject> = { ...(response.headers ?? {}), ...(inApi ? RATE_LIMIT : {}) };
    if (write) Object.assign(headers, { ETag: header('ETag'), 'Idempotent-Replayed': header('IdempotentReplayed') });
    if (write && status === 201) headers.Location = header('Location');
    // A read of one resource sends its stream's version.
    if (!write && /\{[a-z]+Id\}$/.test(path)) headers.ETag = header('ETag');
    if (Object.keys(headers).length > 0) response.headers = headers;
  }
  for (const status of [...statuses].sort()) {
    const existing = operation.responses[status] as ResponseObject | undefined;
    const headers: Record<string, ReferenceObject> = {};
    if (status === 429 || status === 503) headers['Retry-After'] = header('RetryAfter');
    if (status === 401) headers['WWW-Authenticate'] = header('WWWAuthenticate');
    if (status === 409 && write) headers.ETag = header('ETag');
    operation.responses[status] = {
      description: existing?.description || STATUS_NAMES[status],
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/Problem${status}` } } },
    };
  }
  if (write) {
    const parameters = (operation.parameters ??= []);
    parameters.push({ $ref: '#/components/parameters/IfMatch' }, { $ref: '#/components/parameters/IdempotencyKey' });
  }
  operation.parameters = uniqueParameters(operation.parameters ?? []);
}

/** The class of each operation's @Query(), by operationId (Nest's `Controller_method`). */
function queryClasses(app: INestApplication): Map<string, ValidatedClass> {
  const classes = new Map<string, ValidatedClass>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as ValidatedClass | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
        for (const [key, arg] of Object.entries(args)) {
          const type = types[arg.index];
          if (key.startsWith(`${RouteParamtypes.QUERY}:`) && arg.data === undefined && typeof type === 'function') classes.set(`${controller.name}_${method}`, type as ValidatedClass);
        }
      }
    }
  }
  return classes;
}

/** A parameter named twice (a decorator and the query class) is documented once, the first time. */
function uniqueParameters(parameters: (ParameterObject | ReferenceObject)[]): (ParameterObject | ReferenceObject)[] {
  const seen = new Set<string>();
  return parameters.filter((parameter) => {
    const key = '$ref' in parameter ? parameter.$ref : `${parameter.in}:${parameter.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

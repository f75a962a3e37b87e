import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * While some operations still document a status without its body, those are listed (see `missing`) and
 * pass. Set to true once every operation documents every response it gives: a status or body the document
 * does not describe then fails the test like a body that leaves its schema.
 */
export const REQUIRE_RESPONSE_SCHEMAS = true;

/** Object schemas with properties are taken as closed: a field the document does not name leaves the schema. */
const CLOSED_OBJECTS = true;

type Schema = Record<string, unknown>;
interface MediaType {
  schema?: Schema;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  responses?: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** What the validator needs of a response, as supertest gives it. */
export interface CheckedResponse {
  method: string;
  /** The request path, a query string allowed. */
  path: string;
  status: number;
  contentType: string | undefined;
  /** The body as text (JSON is parsed here). */
  text: string | undefined;
}

/** Checks responses against an OpenAPI 3 document: the operation by method and path template, the status, the media type, the body. */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv;
  private readonly templates: { template: string; pattern: RegExp; literal: number }[];
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly undescribed = new Set<string>();

  constructor(
    private readonly document: OpenApiDocument,
    private readonly options: { requireSchemas: boolean } = { requireSchemas: REQUIRE_RESPONSE_SCHEMAS },
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'openapi', components: { schemas: closeAll(document.components?.schemas ?? {}) } });
    this.templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.split(/\{[^}]+\}/).map(escape).join('[^/]+')}$`),
      literal: template.replace(/\{[^}]+\}/g, '').length,
    }));
  }

  /** Operations and statuses met without a schema: `GET /api/v1/x 200 (no schema)`. */
  missing(): string[] {
    return [...this.undescribed].sort();
  }

  /** Throws when the response leaves the document; records what the document does not describe yet. */
  check(response: CheckedResponse): void {
    const method = response.method.toLowerCase();
    const path = decodeURI(response.path.split('?')[0]);
    const template = this.templateOf(path, method);
    const name = `${method.toUpperCase()} ${template ?? path} ${response.status}`;
    // A path the api does not know answers 404 or 405, and the document, the web app and the docs are not its operations.
    if (template === undefined) {
      if (response.status === 404 || response.status === 405 || !path.startsWith('/api/v1/')) return;
      return this.undocumented(`${name} (no operation)`);
    }
    const operation = this.document.paths[template][method];
    // A method the document does not list for the path is right to answer 405.
    if (operation === undefined && response.status === 405) return;
    const responses = operation?.responses ?? {};
    const described = responses[String(response.status)] ?? responses[`${String(response.status)[0]}XX`] ?? responses.default;
    if (!described) return this.undocumented(`${name} (status not documented)`);
    const content = described.content;
    if (!content || Object.keys(content).length === 0) {
      if (response.text === undefined || response.text === '') return;
      return this.undocumented(`${name} (no schema)`);
    }
    const mediaType = baseOf(response.contentType ?? '');
    const key = Object.keys(content).find((each) => baseOf(each) === mediaType) ?? Object.keys(content).find((each) => matchesRange(baseOf(each), mediaType));
    if (key === undefined) {
      throw new Error(`${name}: answered ${mediaType || 'without a Content-Type'}, the document names ${Object.keys(content).join(', ')}`);
    }
    const schema = content[key].schema;
    if (!schema) return this.undocumented(`${name} ${key} (no schema)`);
    if (!/[/+]json$/.test(mediaType)) return;
    const validate = this.validatorFor(`${name} ${key}`, schema);
    const body = parse(response.text, name);
    if (!validate(body)) {
      const errors = (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}${error.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''}`);
      throw new Error(`${name}: the body leaves its schema:\n  ${errors.slice(0, 10).join('\n  ')}\nbody: ${(response.text ?? '').slice(0, 500)}`);
    }
  }

  private undocumented(entry: string): void {
    if (this.options.requireSchemas) throw new Error(`${entry}: the document does not describe this response`);
    this.undescribed.add(entry);
  }

  private templateOf(path: string, method: string): string | undefined {
    const candidates = this.templates.filter(({ pattern }) => pattern.test(path)).sort((a, b) => b.literal - a.literal);
    return (candidates.find(({ template }) => this.document.paths[template][method] !== undefined) ?? candidates[0])?.template;
  }

  private validatorFor(key: string, schema: Schema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(closeAll(schema) as Schema);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

function parse(text: string | undefined, name: string): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    throw new Error(`${name}: the body is not JSON: ${(text ?? '').slice(0, 200)}`);
  }
}

/** The media type without its parameters: `text/csv; charset=utf-8` is text/csv. */
function baseOf(mediaType: string): string {
  return mediaType.split(';')[0].trim().toLowerCase();
}

function matchesRange(range: string, mediaType: string): boolean {
  const [type, subtype] = range.split('/');
  return (type === '*' && subtype === '*') || (subtype === '*' && mediaType.startsWith(`${type}/`));
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Points local refs at the document's components and, with CLOSED_OBJECTS, closes objects that list properties. */
function closeAll<T>(value: T, inComposition = false): T {
  if (Array.isArray(value)) return value.map((each) => closeAll(each, inComposition)) as T;
  if (value === null || typeof value !== 'object') return value;
  const schema: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') schema.$ref = child.startsWith('#/') ? `openapi${child}` : child;
    else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') schema[key] = closeAll(child, true);
    else if (key === 'properties' && child && typeof child === 'object') {
      schema.properties = Object.fromEntries(Object.entries(child).map(([name, property]) => [name, closeAll(property)]));
    } else if (key === 'example' || key === 'examples') schema[key] = child;
    else schema[key] = closeAll(child);
  }
  const closable = CLOSED_OBJECTS && !inComposition && schema.properties !== undefined && schema.additionalProperties === undefined;
  const closed = closable ? { ...schema, additionalProperties: false } : schema;
  // OpenAPI 3.0's nullable beside a $ref or allOf lets null through as well; ajv's nullable widens only `type`.
  if (closed.nullable === true && (closed.type === undefined || ['$ref', 'allOf', 'anyOf', 'oneOf'].some((key) => key in closed))) {
    const { nullable: _nullable, ...rest } = closed;
    return { anyOf: [{ type: 'null' }, rest] } as T;
  }
  return closed as T;
}

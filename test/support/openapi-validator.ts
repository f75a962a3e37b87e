import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

/** A copy of the schema where an object documents all its members: a member the document does not name fails. */
function closed(schema: unknown, open = false): unknown {
  if (Array.isArray(schema)) return schema.map((each) => closed(each));
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties') copy[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, each]) => [name, closed(each)]));
    // The parts of an allOf each name only some members of the whole.
    else if (key === 'allOf') copy[key] = (value as unknown[]).map((each) => closed(each, true));
    else copy[key] = closed(value);
  }
  if (!open && copy.type === 'object' && copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  if (typeof copy.$ref === 'string') copy.$ref = copy.$ref.replace(/^#\/components\//, 'document#/components/');
  // OpenAPI 3.0 writes a nullable reference as `nullable` beside `allOf`: null is one of its values.
  if (copy.nullable === true && (copy.allOf || copy.anyOf || copy.oneOf)) {
    const { nullable: _nullable, ...rest } = copy;
    return { anyOf: [{ type: 'null' }, rest] };
  }
  return copy;
}

/** Checks bodies against the document's schemas (OpenAPI 3.0: `nullable` as ajv reads it). */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ components: closed(document.components) }, 'document');
  }

  /** The schema of a response, or undefined when the document has none for it. */
  responseSchema(route: string, method: string, status: number, mediaType = 'application/json'): Schema | undefined {
    return this.document.paths[route]?.[method]?.responses[String(status)]?.content?.[mediaType]?.schema;
  }

  requestSchema(route: string, method: string, mediaType = 'application/json'): Schema | undefined {
    return this.document.paths[route]?.[method]?.requestBody?.content[mediaType]?.schema;
  }

  /** The validation errors of a value against a schema of the document, empty when it fits. */
  errors(schema: Schema, value: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(closed(schema) as Schema);
      this.cache.set(key, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
  }
}

const SAMPLE_STRINGS: Record<string, string> = {
  uuid: '6f1c2a54-0a6b-4f5e-9a43-3c2f2e1b7d10',
  date: '2026-03-10',
  'date-time': '2026-03-10T08:15:00Z',
  email: 'jemand@example.org',
};

/**
 * The smallest value the document allows: only required members, null where allowed, the first of an enum,
 * the shortest string or list. Where that breaks a pattern, the schema's example.
 */
export function minimalValue(validator: OpenApiValidator, schema: Schema): unknown {
  const resolved = resolve(validator.document, schema);
  if (resolved.allOf) return Object.assign({}, ...(resolved.allOf as Schema[]).map((part) => minimalValue(validator, part)));
  if (resolved.nullable === true) return null;
  if (resolved.enum) return (resolved.enum as unknown[])[0];
  switch (resolved.type) {
    case 'object': {
      const properties = (resolved.properties ?? {}) as Record<string, Schema>;
      const required = (resolved.required ?? []) as string[];
      return Object.fromEntries(required.map((name) => [name, minimalValue(validator, properties[name])]));
    }
    case 'array':
      return Array.from({ length: (resolved.minItems as number | undefined) ?? 0 }, () => minimalValue(validator, resolved.items as Schema));
    case 'integer':
    case 'number':
      return (resolved.minimum as number | undefined) ?? 0;
    case 'boolean':
      return false;
    default: {
      const sample = SAMPLE_STRINGS[resolved.format as string] ?? 'a'.repeat(Math.max(1, (resolved.minLength as number | undefined) ?? 0));
      return validator.errors(resolved, sample).length === 0 ? sample : resolved.example;
    }
  }
}

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  return resolve(document, document.components.schemas[ref.replace('#/components/schemas/', '')]);
}

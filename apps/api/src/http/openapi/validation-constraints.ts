import type { ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Schemas = Record<string, SchemaObject>;
export type ValidatedClass = abstract new (...args: never[]) => object;

/** class-validator keeps its metadata by class; the storage offers no list of the classes, so it is read from its map. */
function validatedClasses(): ValidatedClass[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: Map<ValidatedClass | string, ValidationMetadata[]> };
  if (!(storage.validationMetadatas instanceof Map)) throw new Error('class-validator keeps its metadata differently now: read the constraints another way');
  return [...storage.validationMetadatas.keys()].filter((target): target is ValidatedClass => typeof target === 'function');
}

/** What one validator says about a value, as JSON Schema. */
function constraintOf(metadata: ValidationMetadata): SchemaObject | null {
  const [first, second] = (metadata.constraints ?? []) as unknown[];
  switch (metadata.name) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isUuid':
      return { type: 'string', format: 'uuid' };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isLength':
      return { minLength: first as number, ...(typeof second === 'number' ? { maxLength: second } : {}) };
    case 'minLength':
      return { minLength: first as number };
    case 'maxLength':
      return { maxLength: first as number };
    case 'matches':
      return { pattern: (first instanceof RegExp ? first : new RegExp(String(first))).source };
    case 'isIn':
      return { enum: first as unknown[] };
    case 'min':
      return { minimum: first as number };
    case 'max':
      return { maximum: first as number };
    default:
      return null;
  }
}

function arrayConstraintOf(metadata: ValidationMetadata): SchemaObject | null {
  const [first] = (metadata.constraints ?? []) as unknown[];
  switch (metadata.name) {
    case 'isArray':
      return { type: 'array' };
    case 'arrayMinSize':
      return { minItems: first as number };
    case 'arrayMaxSize':
      return { maxItems: first as number };
    default:
      return null;
  }
}

/** Where a schema keeps the value a constraint is about: an array's items for `each`, else the property itself. */
function target(property: SchemaObject, each: boolean): SchemaObject {
  if (!each) return property;
  if (property.items && !('$ref' in property.items)) return property.items as SchemaObject;
  property.items = { ...(property.items ?? {}) } as SchemaObject;
  return property.items as SchemaObject;
}

/** Gives a property's schema the constraints of its validators; says whether the property may be left out. */
function constrain(property: SchemaObject, rules: ValidationMetadata[]): { optional: boolean } {
  for (const rule of rules) {
    const array = arrayConstraintOf(rule);
    if (array && !rule.each) Object.assign(property, array);
    const constraint = constraintOf(rule);
    if (constraint) Object.assign(target(property, rule.each), constraint);
  }
  // A number type from ApiProperty with integer validation reads as integer, not both.
  if (property.type === 'number' && rules.some((rule) => rule.name === 'isInt' && !rule.each)) property.type = 'integer';
  return { optional: rules.some((rule) => rule.type === 'conditionalValidation') };
}

function rulesByProperty(type: ValidatedClass): Record<string, ValidationMetadata[]> {
  const storage = getMetadataStorage();
  return storage.groupByPropertyName(storage.getTargetValidationMetadatas(type, '', true, false));
}

/**
 * Makes the body schemas say what the validation pipe checks: types, lengths, patterns, enums, bounds, array
 * sizes, required members, and that a member the class does not name is refused (forbidNonWhitelisted).
 */
export function applyValidationConstraints(schemas: Schemas): void {
  for (const type of validatedClasses()) {
    const schema = schemas[type.name];
    if (!schema?.properties) continue;
    const required = new Set(schema.required ?? []);
    for (const [name, rules] of Object.entries(rulesByProperty(type))) {
      const property = schema.properties[name] as SchemaObject | undefined;
      if (!property || '$ref' in property) continue;
      if (constrain(property, rules).optional) required.delete(name);
      else required.add(name);
    }
    schema.required = [...required];
    if (schema.required.length === 0) delete schema.required;
    schema.additionalProperties = false;
  }
}

/** The same for the query parameters an operation's query class validates. */
export function applyQueryConstraints(parameters: (ParameterObject | ReferenceObject)[], query: ValidatedClass): void {
  const rules = rulesByProperty(query);
  for (const parameter of parameters) {
    if ('$ref' in parameter || parameter.in !== 'query' || !rules[parameter.name]) continue;
    const schema = (parameter.schema ??= {}) as SchemaObject;
    parameter.required = !constrain(schema, rules[parameter.name]).optional;
  }
}

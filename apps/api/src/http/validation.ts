import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException } from './problem';

/** Unknown fields rejected, types transformed, and every field's message in the problem's `errors`. */
export function createValidationPipe(): ValidationPipe {
  return new StorableTextValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}

/** NUL and unpaired surrogates: valid in a JS string, refused by PostgreSQL's text and jsonb. */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Also refuses text the event store cannot hold, as a 400 naming the field rather than a 500 from the append. */
class StorableTextValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const transformed = await super.transform(value, metadata);
    if (metadata.type !== 'body' && metadata.type !== 'query') return transformed;
    const fields = unstorableFields(transformed);
    if (fields.length > 0) throw invalid(fields.map((field) => ({ field, messages: [`${field} must not contain NUL characters or unpaired surrogates`] })));
    return transformed;
  }
}

function unstorableFields(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [prefix || 'body'] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => unstorableFields(child, prefix ? `${prefix}.${key}` : key));
}

function invalid(errors: { field: string; messages: string[] }[]): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', 'One or more fields are invalid', { errors });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

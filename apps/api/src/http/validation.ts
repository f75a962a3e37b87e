import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException } from './problem';

/** Unknown fields rejected, types transformed, and every field's message in the problem's `errors`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', 'One or more fields are invalid', {
        errors: flatten(errors),
      }),
  });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

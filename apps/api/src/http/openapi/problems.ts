import { HttpStatus } from '@nestjs/common';
import * as domain from '@kreislauf/domain';
import { DomainError } from '@kreislauf/domain';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DOMAIN_STATUS } from '../problem-details.filter';

/** The codes the HTTP layer answers with itself, by status; `http.<status>` is what the framework refuses with. */
export const HTTP_PROBLEM_CODES: Record<string, number> = {
  'validation.failed': HttpStatus.BAD_REQUEST,
  'header.invalid': HttpStatus.BAD_REQUEST,
  'header.invalid_if_match': HttpStatus.BAD_REQUEST,
  'idempotency.invalid_key': HttpStatus.BAD_REQUEST,
  'http.400': HttpStatus.BAD_REQUEST,
  'auth.unauthenticated': HttpStatus.UNAUTHORIZED,
  'auth.forbidden': HttpStatus.FORBIDDEN,
  'http.404': HttpStatus.NOT_FOUND,
  'http.405': HttpStatus.METHOD_NOT_ALLOWED,
  'concurrency.stale_version': HttpStatus.CONFLICT,
  'event_store.concurrency': HttpStatus.CONFLICT,
  'event_store.duplicate_event': HttpStatus.CONFLICT,
  'idempotency.in_progress': HttpStatus.CONFLICT,
  'idempotency.outcome_unknown': HttpStatus.CONFLICT,
  'http.413': HttpStatus.PAYLOAD_TOO_LARGE,
  'http.415': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'idempotency.key_reused': HttpStatus.UNPROCESSABLE_ENTITY,
  'http.429': HttpStatus.TOO_MANY_REQUESTS,
  internal: HttpStatus.INTERNAL_SERVER_ERROR,
  'read_model.behind': HttpStatus.SERVICE_UNAVAILABLE,
  'service.unavailable': HttpStatus.SERVICE_UNAVAILABLE,
  'report.pdf_unavailable': HttpStatus.SERVICE_UNAVAILABLE,
};

type DomainErrorClass = new (...args: unknown[]) => DomainError;

/** A stand-in for any constructor argument: every member and call gives itself, and it reads as ''. */
const anything: unknown = new Proxy(function placeholder() {}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : anything),
  apply: () => anything,
});

/** Every domain error the domain exports, with its code and the status the problem filter gives its kind. */
export function domainProblemCodes(): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const value of Object.values(domain)) {
    if (typeof value !== 'function' || !(value.prototype instanceof DomainError)) continue;
    // Codes are instance fields: an instance carries them, whatever its message says.
    const error = new (value as unknown as DomainErrorClass)(anything, anything, anything, anything);
    codes[error.code] = DOMAIN_STATUS[error.kind];
  }
  return codes;
}

/** Every stable problem code, by the status it comes with. */
export function problemCodesByStatus(): Map<number, string[]> {
  const byStatus = new Map<number, string[]>();
  for (const [code, status] of Object.entries({ ...HTTP_PROBLEM_CODES, ...domainProblemCodes() })) {
    byStatus.set(status, [...(byStatus.get(status) ?? []), code].sort());
  }
  return byStatus;
}

/** RFC 9457 problem details as the one exception filter writes them. */
export function problemSchema(codes: string[]): SchemaObject {
  return {
    type: 'object',
    description: 'Problem details (RFC 9457). `code` is stable; a domain problem may carry further members naming what it is about.',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string', format: 'uri', example: 'https://kreislauf.app/problems/goal.not_active', description: 'https://kreislauf.app/problems/ followed by the code' },
      title: { type: 'string', example: 'Not active' },
      status: { type: 'integer', minimum: 400, maximum: 599, example: 422 },
      detail: { type: 'string', example: 'Goal 6f1c2a54-… is retired' },
      code: { type: 'string', enum: codes, example: 'goal.not_active' },
      errors: {
        type: 'array',
        description: 'validation.failed: every field refused, with its messages',
        items: {
          type: 'object',
          required: ['field', 'messages'],
          properties: { field: { type: 'string', example: 'title' }, messages: { type: 'array', items: { type: 'string' }, example: ['title must be longer than or equal to 1 characters'] } },
        },
      },
      currentVersion: { type: 'integer', description: 'A conflict with the stream’s version: the version it is at (also sent as ETag)' },
    },
    additionalProperties: true,
  };
}

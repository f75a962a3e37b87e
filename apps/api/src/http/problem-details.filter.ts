import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import { DomainError } from '@kreislauf/domain';
import { ConcurrencyError, DuplicateEventError } from '@kreislauf/event-store';
import type { Request, Response } from 'express';
import { ReadModelsBehind } from '../write/read-models-behind.error';
import { StaleVersion } from '../write/stale-version.error';
import { PROBLEM_CONTENT_TYPE, ProblemBody, ProblemException, problemType } from './problem';
import { allowedMethods } from './request-shape';

/** What a 503 tells the client to wait before it retries. */
const RETRY_AFTER_SECONDS = 2;

export const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** Every error leaves as problem details (RFC 9457) with a stable type; this is the one place that maps them. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = error instanceof NotFoundException ? host.switchToHttp().getRequest<Request>() : undefined;
    // A known path asked with a method none of its routes answers is a 405 naming the ones they do.
    const allow = request ? allowedMethods(request) : [];
    const problem =
      request && allow.length > 0 && !allow.includes(request.method)
        ? body(HttpStatus.METHOD_NOT_ALLOWED, 'http.405', 'Method not allowed', `${request.method} is not allowed on ${request.path}; it answers ${allow.join(', ')}`)
        : this.toProblem(error);
    if (problem.status === HttpStatus.METHOD_NOT_ALLOWED) response.setHeader('Allow', allow.join(', '));
    if (problem.status >= 500) this.logger.error(String(error), (error as Error)?.stack);
    if (problem.status === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', 'Bearer');
    if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (problem.status === HttpStatus.CONFLICT && typeof problem.currentVersion === 'number') {
      response.setHeader('ETag', `"${problem.currentVersion}"`);
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(error: unknown): ProblemBody {
    if (error instanceof ProblemException) {
      return body(error.getStatus(), error.code, error.title, error.message, error.extensions);
    }
    if (error instanceof DomainError) {
      return body(DOMAIN_STATUS[error.kind], error.code, titleOf(error.code), error.message, error.details);
    }
    if (error instanceof ReadModelsBehind) {
      return body(HttpStatus.SERVICE_UNAVAILABLE, 'read_model.behind', 'Read models are behind', error.message);
    }
    if (error instanceof StaleVersion) {
      return body(HttpStatus.CONFLICT, 'concurrency.stale_version', 'The resource has changed', error.message, {
        currentVersion: error.currentVersion,
      });
    }
    if (error instanceof ConcurrencyError) {
      return body(HttpStatus.CONFLICT, error.code, 'The resource has changed', 'Another change came first; retry the request', {
        currentVersion: error.actualVersion,
      });
    }
    if (error instanceof DuplicateEventError) {
      return body(HttpStatus.CONFLICT, error.code, 'Duplicate event', error.message);
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return body(status, `http.${status}`, titleOfStatus(status, error.message), error.message);
    }
    if (isBodyParserError(error)) {
      return body(error.status, `http.${error.status}`, titleOfStatus(error.status, error.message), error.message);
    }
    if (isDatabaseUnavailable(error)) {
      return body(HttpStatus.SERVICE_UNAVAILABLE, 'service.unavailable', 'Service unavailable', 'The database cannot be reached just now; retry shortly');
    }
    return body(HttpStatus.INTERNAL_SERVER_ERROR, 'internal', 'Internal error', 'The request could not be completed; it is logged.');
  }
}

function body(status: number, code: string, title: string, detail: string, extensions: Record<string, unknown> = {}): ProblemBody {
  // Extensions first: a detail named like a standard member must not replace it.
  return { ...extensions, type: problemType(code), title, status, detail, code };
}

function titleOf(code: string): string {
  const name = code.split('.').pop() ?? code;
  return name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');
}

function titleOfStatus(status: number, fallback: string): string {
  const titles: Record<number, string> = {
    400: 'Bad request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    409: 'Conflict',
    413: 'Payload too large',
    415: 'Unsupported media type',
    422: 'Unprocessable content',
    429: 'Too many requests',
    503: 'Service unavailable',
  };
  return titles[status] ?? fallback;
}

function isBodyParserError(error: unknown): error is { status: number; message: string } {
  const candidate = error as { status?: unknown; type?: unknown; expose?: unknown } | null;
  // body-parser's own errors carry a `type`; a body that does not match its Content-Encoding (a zlib error) only `expose`.
  const fromBodyParser = typeof candidate?.type === 'string' || candidate?.expose === true;
  return typeof candidate?.status === 'number' && fromBodyParser && candidate.status >= 400 && candidate.status < 500;
}

/** Node's socket errors when PostgreSQL is not there, or goes away mid-request. */
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATEs of a server that is starting, shutting down, out of connections, or cut off (class 08). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
/** node-postgres reports a connection that ends under a query, a pool that waited too long, or a broken client, only in words. */
const CONNECTION_LOST = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/i;

/**
 * Whether the error says the database cannot be reached (the write did not happen, or its outcome is not
 * known): a 503 to retry, not a 500. Looks through TypeORM's QueryFailedError (driverError), causes and
 * AggregateError (a connect that tried several addresses).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const candidate = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
  if (typeof candidate.message === 'string' && CONNECTION_LOST.test(candidate.message)) return true;
  const inner = [candidate.driverError, candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : [])];
  return inner.some((each) => isDatabaseUnavailable(each, depth + 1));
}

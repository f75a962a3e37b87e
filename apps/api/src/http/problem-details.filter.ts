import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError } from '@kreislauf/domain';
import { ConcurrencyError, DuplicateEventError } from '@kreislauf/event-store';
import type { Response } from 'express';
import { StaleVersion } from '../write/stale-version.error';
import { PROBLEM_CONTENT_TYPE, ProblemBody, ProblemException, problemType } from './problem';

const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
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
    const problem = this.toProblem(error);
    if (problem.status >= 500) this.logger.error(String(error), (error as Error)?.stack);
    if (problem.status === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', 'Bearer');
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

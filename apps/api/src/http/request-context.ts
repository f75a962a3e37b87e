import { randomUUID } from 'node:crypto';
import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { CommandContext } from '../write/command-context';
import { ProblemException } from './problem';

const SAFE_HEADER = /^[\w.@:\- ]{1,200}$/;

/**
 * The command context of a request: the acting user, the correlation id, the request's clock and the
 * If-Match version. Until authentication is in place the actor comes from X-User-Id / X-User-Name /
 * X-User-Role and defaults to an anonymous user.
 */
export const RequestContext = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<Request>();
  const header = (name: string) => {
    const value = request.header(name);
    if (value === undefined) return undefined;
    if (!SAFE_HEADER.test(value)) throw new ProblemException(HttpStatus.BAD_REQUEST, 'header.invalid', 'Invalid header', `${name} is not valid`);
    return value;
  };
  const displayName = header('x-user-name');
  return {
    actor: { userId: header('x-user-id') ?? 'anonymous', ...(displayName ? { displayName } : {}), role: header('x-user-role') ?? 'coordinator' },
    correlationId: header('x-correlation-id') ?? randomUUID(),
    causationId: null,
    now: new Date(),
    expectedVersion: parseIfMatch(request.header('if-match')),
  };
});

function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(-?\d{1,9})"?$/.exec(value.trim());
  if (!match) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'header.invalid_if_match', 'Invalid If-Match', 'If-Match must be a version as returned in ETag, e.g. "3"');
  }
  return Number(match[1]);
}

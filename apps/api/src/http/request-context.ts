import { randomUUID } from 'node:crypto';
import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { CommandContext } from '../write/command-context';
import { ProblemException } from './problem';

const SAFE_HEADER = /^[\w.:-]{1,200}$/;

/** What the access guard records on a request, as far as the HTTP layer reads it: who acts, and in which network. */
export interface RequestActor {
  actor: CommandContext['actor'];
  networkId: string | null;
}

export type RequestWithActor = Request & { access?: RequestActor };

/**
 * The command context of a request: the acting user as the access guard authenticated them (never a field
 * of the body), the correlation id, the request's clock and the If-Match version.
 */
export const RequestContext = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<RequestWithActor>();
  if (!request.access) throw new Error('RequestContext on a route without an access rule');
  const correlationId = request.header('x-correlation-id');
  if (correlationId !== undefined && !SAFE_HEADER.test(correlationId)) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'header.invalid', 'Invalid header', 'X-Correlation-Id must be 1 to 200 letters, digits, ".", ":", "_" or "-"');
  }
  return {
    actor: request.access.actor,
    correlationId: correlationId ?? randomUUID(),
    causationId: null,
    now: new Date(),
    expectedVersion: parseIfMatch(request.header('if-match')),
  };
});

/** The network the access guard found the route's resource in; null for one of no network, which only an administrator reaches. */
export const ResourceNetworkId = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const access = ctx.switchToHttp().getRequest<RequestWithActor>().access;
  if (!access) throw new Error('ResourceNetworkId on a route without an access rule');
  return access.networkId;
});

/** The network the access guard found the route's resource in. */
export const ScopedNetworkId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const networkId = ctx.switchToHttp().getRequest<RequestWithActor>().access?.networkId;
  if (!networkId) throw new Error('ScopedNetworkId on a route without a network scope');
  return networkId;
});

function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(-?\d{1,9})"?$/.exec(value.trim());
  if (!match) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'header.invalid_if_match', 'Invalid If-Match', 'If-Match must be a version as returned in ETag, e.g. "3"');
  }
  return Number(match[1]);
}

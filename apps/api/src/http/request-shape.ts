import { METHODS } from 'node:http';
import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from './problem';

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): unknown;
}

/**
 * The methods the api's routes answer on the request's path (empty for a path it does not know): what a
 * 405's Allow header lists. Read from the router, so it is what is mounted.
 */
export function allowedMethods(request: Request): string[] {
  const stack = (request.app as unknown as { router?: { stack: RouteLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();

  for (const layer of stack) {
    if (!layer.route || answersEveryMethod(layer.route.methods) || !layer.match(request.path)) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on) methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** A route for every method (`app.all`) is the framework's catch-all that answers 404, not a resource. */
function answersEveryMethod(methods: Record<string, boolean>): boolean {
  return methods._all === true || METHODS.every((method) => methods[method.toLowerCase()]);
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** A write's body is JSON: another media type (text/plain, a form) is a 415, not a body that fails validation. */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!WITH_BODY.has(request.method) || !hasBody(request)) return true;
    if (request.is('application/json')) return true;
    throw new ProblemException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'http.415',
      'Unsupported media type',
      `Send the body as application/json, not ${request.header('content-type') ?? 'without a Content-Type'}`,
    );
  }
}

function hasBody(request: Request): boolean {
  return request.header('transfer-encoding') !== undefined || Number(request.header('content-length') ?? 0) > 0;
}

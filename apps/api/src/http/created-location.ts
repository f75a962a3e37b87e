import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { map } from 'rxjs/operators';

const CREATED_AT = 'kreislauf:created-at';
/** @nestjs/swagger's metadata key of @ApiResponse (its constants are not exported). */
const API_RESPONSE = 'swagger/apiResponse';

const LOCATION_HEADER = {
  Location: { description: 'The URL of what was created, or of the resource that holds it (a topic: its meeting)', schema: { type: 'string', format: 'uri-reference' } },
};

/**
 * A 201 names what it created in `Location`. The template's `:name` parts come from the route's
 * parameters, then from the answer's fields: `@CreatedAt('/api/v1/goals/:id')`. Where the created thing
 * has no URL of its own (a meeting's topic), the template names the resource that shows it.
 */
export function CreatedAt(template: string): MethodDecorator {
  return applyDecorators(SetMetadata(CREATED_AT, template), documentLocation);
}

/** Adds the header to the documented 201 whichever order the response decorators run in. */
function documentLocation(_target: object, _key: string | symbol, descriptor: PropertyDescriptor): void {
  const responses = (Reflect.getMetadata(API_RESPONSE, descriptor.value) ?? {}) as Record<string, { headers?: object; description?: string }>;
  const created = responses['201'] ?? { description: 'Created' };
  Reflect.defineMetadata(API_RESPONSE, { ...responses, 201: { ...created, headers: { ...created.headers, ...LOCATION_HEADER } } }, descriptor.value);
}

/** Fills `Location` from the route's @CreatedAt; outside the idempotency interceptor, so that a replayed 201 carries it too. */
@Injectable()
export class CreatedLocationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const template = this.reflector.get<string | undefined>(CREATED_AT, context.getHandler());
    if (template === undefined) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      map((answer) => {
        if (response.statusCode === 201) response.setHeader('Location', locationOf(template, request.params, answer));
        return answer;
      }),
    );
  }
}

export function locationOf(template: string, params: Record<string, string | string[]>, answer: unknown): string {
  const fields = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  return template.replace(/:([A-Za-z]+)/g, (_whole, name: string) => {
    const value = params[name] ?? fields[name];
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`Location template ${template}: no value for ${name}`);
    return encodeURIComponent(String(value));
  });
}

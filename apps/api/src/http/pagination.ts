import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, SetMetadata, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import { ProblemException } from './problem';

export const PAGE_DEFAULT = 100;
export const PAGE_MAX = 1000;
const CURSOR_MESSAGE = 'cursor must be a nextCursor as a page returned it';

/** A list that can grow, a page at a time: send `nextCursor` as `cursor` for the next one; null on the last. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The cursor is opaque to clients: the key of the last item they saw. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

export function invalidCursor(): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', CURSOR_MESSAGE, { errors: [{ field: 'cursor', messages: [CURSOR_MESSAGE] }] });
}

type Constructor = new (...args: any[]) => object; // eslint-disable-line @typescript-eslint/no-explicit-any -- the mixin's base takes what its class takes

/** A list route's query: its own parameters and `cursor` and `limit`. */
export function WithPage<Base extends Constructor>(base: Base) {
  class PageQuery extends base {
    @ApiPropertyOptional({ description: 'From a page’s nextCursor: the items after it' })
    @IsOptional()
    @IsString()
    @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: CURSOR_MESSAGE })
    cursor?: string;

    @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX, default: PAGE_DEFAULT, description: 'Items per page' })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(PAGE_MAX)
    limit?: number;
  }
  return PageQuery;
}

/** The page after `cursor` of items in their stable order, each named by a unique key. */
export function pageOf<T>(items: readonly T[], keyOf: (item: T) => string, query: { cursor?: string; limit?: number }): Page<T> {
  const limit = query.limit ?? PAGE_DEFAULT;
  let start = 0;
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    const index = items.findIndex((item) => keyOf(item) === after);
    if (index < 0) throw invalidCursor();
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  return { items: page, nextCursor: start + limit < items.length ? encodeCursor(keyOf(page[page.length - 1])) : null };
}

interface PagedRoute {
  key: (item: never) => string;
  field?: string;
}

const PAGED = 'kreislauf:paged';

/**
 * The route's list answers a page: an array becomes `{ items, nextCursor }`; with `field`, the answer's
 * list under that name becomes `items` beside its other fields. The route's query takes WithPage.
 */
export function Paged<T>(key: (item: T) => string, field?: string): MethodDecorator {
  return applyDecorators(SetMetadata(PAGED, { key, field } satisfies PagedRoute));
}

@Injectable()
export class PageInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<PagedRoute | undefined>(PAGED, context.getHandler());
    if (route === undefined) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const query = { cursor: stringOf(request.query.cursor), limit: request.query.limit === undefined ? undefined : Number(request.query.limit) };
    const key = route.key as (item: unknown) => string;
    return next.handle().pipe(
      map((answer) => {
        if (route.field === undefined) return pageOf(answer as unknown[], key, query);
        const { [route.field]: list, ...rest } = answer as Record<string, unknown[]>;
        return { ...rest, ...pageOf(list, key, query) };
      }),
    );
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

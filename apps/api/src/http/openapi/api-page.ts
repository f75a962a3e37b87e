import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiQuery, getSchemaPath } from '@nestjs/swagger';
import type { MediaTypeObject, ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const PAGE_LIMIT_DEFAULT = 100;
export const PAGE_LIMIT_MAX = 1000;
export const CURSOR_PATTERN = '^[A-Za-z0-9_-]{1,200}$';

/**
 * A list that can grow, answered a page at a time: `{ items, nextCursor }`, read on with `cursor` and `limit`.
 * `files`: other media types the same operation answers with, such as an export of the whole list.
 * `beside`: fields the page carries beside its items, such as the day a list is read for.
 * `items`: the item schema when it is not one class, such as a choice of two.
 */
export function ApiPage(
  item: Type<unknown> | Type<unknown>[],
  {
    description = 'A page of the list',
    files = {},
    beside = {},
    items,
  }: { description?: string; files?: Record<string, MediaTypeObject>; beside?: Record<string, SchemaObject>; items?: SchemaObject | ReferenceObject } = {},
) {
  const models = Array.isArray(item) ? item : [item];
  const page = {
    type: 'object' as const,
    required: [...Object.keys(beside), 'items', 'nextCursor'],
    properties: {
      ...beside,
      items: { type: 'array' as const, items: items ?? { $ref: getSchemaPath(models[0]) } },
      nextCursor: { type: 'string' as const, nullable: true, description: 'Send as cursor for the next page; null on the last page' },
    },
  };
  return applyDecorators(
    ApiExtraModels(...models),
    ApiOkResponse({ description, content: { 'application/json': { schema: page }, ...files } }),
    ApiQuery({ name: 'cursor', required: false, description: 'From a page’s nextCursor: the items after it', schema: { type: 'string', pattern: CURSOR_PATTERN } }),
    ApiQuery({
      name: 'limit',
      required: false,
      description: 'Items per page',
      schema: { type: 'integer', minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT },
    }),
  );
}

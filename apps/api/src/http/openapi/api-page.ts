import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiQuery, getSchemaPath } from '@nestjs/swagger';

export const PAGE_LIMIT_DEFAULT = 100;
export const PAGE_LIMIT_MAX = 1000;
export const CURSOR_PATTERN = '^[A-Za-z0-9_-]{1,200}$';

/** A list that can grow, answered a page at a time: `{ items, nextCursor }`, read on with `cursor` and `limit`. */
export function ApiPage(item: Type<unknown>, description = 'A page of the list') {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          nextCursor: { type: 'string', nullable: true, description: 'Send as cursor for the next page; null on the last page' },
        },
      },
    }),
    ApiQuery({ name: 'cursor', required: false, description: 'From a page’s nextCursor: the items after it', schema: { type: 'string', pattern: CURSOR_PATTERN } }),
    ApiQuery({
      name: 'limit',
      required: false,
      description: 'Items per page',
      schema: { type: 'integer', minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT },
    }),
  );
}

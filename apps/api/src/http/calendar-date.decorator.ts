import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsISO8601, Matches, ValidateBy } from 'class-validator';

/**
 * The business dates the service takes. Bounded so that a date plus a review interval (at most 3650 days)
 * stays a YYYY-MM-DD date: a 9999-12-31 review would make the projections compute a next review in year
 * 10000, which PostgreSQL refuses, and stop the goals read model at that event.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2999-12-31';

/** A business date, YYYY-MM-DD, that exists in the calendar. */
export function IsCalendarDate(options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: String, format: 'date', example: '2026-03-10', ...options } as ApiPropertyOptions),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a date that exists' }),
    ValidateBy({
      name: 'isDateInRange',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || (value >= EARLIEST_DATE && value <= LATEST_DATE),
        defaultMessage: () => `$property must be between ${EARLIEST_DATE} and ${LATEST_DATE}`,
      },
    }),
  );
}

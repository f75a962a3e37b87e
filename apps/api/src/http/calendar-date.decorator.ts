import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

/** A business date, YYYY-MM-DD, that exists in the calendar. */
export function IsCalendarDate(options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: String, format: 'date', example: '2026-03-10', ...options } as ApiPropertyOptions),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a date that exists' }),
  );
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

/**
 * A moment of record time, as reads take it in `asOf`, `from` and `to`: an ISO 8601 timestamp with its zone
 * (`2026-03-20T14:30:00Z`, `2026-03-20T15:30:00.250+01:00`), or a calendar date, which means the end of that
 * day in UTC (`2026-03-20` is `2026-03-20T23:59:59.999Z`). Returns null for anything else.
 */
export function parseMoment(text: string): Date | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) return calendarDay(date) ? new Date(`${text}T23:59:59.999Z`) : null;
  const timestamp = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/.exec(text);
  if (!timestamp || !calendarDay(timestamp)) return null;
  const moment = new Date(text);
  return Number.isNaN(moment.getTime()) ? null : moment;
}

function calendarDay([, year, month, day]: RegExpExecArray): boolean {
  const probe = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return Number(year) >= 1900 && probe.getUTCFullYear() === Number(year) && probe.getUTCMonth() === Number(month) - 1 && probe.getUTCDate() === Number(day);
}

/**
 * The past moment a read should show, or undefined for the present: no `asOf`, or one that has not come yet
 * (the future reads like now).
 */
export function pastMoment(text: string | undefined, now = new Date()): Date | undefined {
  if (text === undefined) return undefined;
  const moment = parseMoment(text);
  if (!moment) throw new Error(`not a moment: ${text}`);
  return moment.getTime() < now.getTime() ? moment : undefined;
}

const MOMENT_DESCRIPTION = 'ISO 8601 timestamp with zone, or a date YYYY-MM-DD meaning the end of that day (UTC); compared with the record time of events';

/** A query parameter that names a moment of record time (see parseMoment). */
export function IsMoment(options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: String, format: 'date-time', example: '2026-03-20T14:30:00Z', ...options, description: `${options.description ?? ''} (${MOMENT_DESCRIPTION})`.trim() } as ApiPropertyOptions),
    ValidateBy({
      name: 'isMoment',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseMoment(value) !== null,
        defaultMessage: () => '$property must be an ISO 8601 timestamp with zone (2026-03-20T14:30:00Z) or a date (2026-03-20)',
      },
    }),
  );
}

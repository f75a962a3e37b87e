import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateBy } from 'class-validator';
import { IsCalendarDate } from '../http/calendar-date.decorator';
import { ReadQueryDto } from '../http/query-params.dto';

export const AUDIT_FORMATS = ['json', 'csv', 'jsonl'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];
export const AUDIT_LANGUAGES = ['de', 'en'] as const;
export type AuditLanguage = (typeof AUDIT_LANGUAGES)[number];

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 1000;
const MAX_TYPES = 50;

/** A day (YYYY-MM-DD, UTC) or an instant with its offset (2026-03-10T08:15:00Z). */
const INSTANT = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function IsInstant() {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseInstant(value) !== null,
      defaultMessage: () => '$property must be a date (YYYY-MM-DD) or a date and time with offset (2026-03-10T08:15:00Z)',
    },
  });
}

/** The instant a record-time bound names, and whether it named a whole day. */
export function parseInstant(value: string): { at: Date; wholeDay: boolean } | null {
  const match = INSTANT.exec(value);
  if (!match) return null;
  const at = new Date(match[2] ? value : `${value}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return null;
  // Date rolls 2026-02-30 over into March: the day must be the one written.
  const day = new Date(`${match[1]}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== match[1]) return null;
  return { at, wholeDay: !match[2] };
}

/** `type=A&type=B` and `type=A,B` alike. */
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
    .map((item) => (typeof item === 'string' ? item.trim() : item))
    .filter((item) => item !== '');

export class AuditLogQueryDto extends ReadQueryDto {
  @IsOptional()
  @IsCalendarDate({ required: false, description: 'Business time: entries that occurred on or after this day' })
  from?: string;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'Business time: entries that occurred on or before this day' })
  to?: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'Record time: entries recorded at or after this instant (a day means its start, UTC)' })
  @IsOptional()
  @IsInstant()
  recordedFrom?: string;

  @ApiPropertyOptional({ example: '2026-03-31T18:00:00Z', description: 'Record time: entries recorded at or before this instant (a day means up to its end, UTC)' })
  @IsOptional()
  @IsInstant()
  recordedTo?: string;

  @ApiPropertyOptional({ example: 'u-coord', description: 'Only what this user did (their user id)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  actor?: string;

  @ApiPropertyOptional({ type: [String], example: ['GoalReviewed', 'GoalReoriented'], description: `Only these event types: repeated or comma-separated, at most ${MAX_TYPES}` })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(MAX_TYPES)
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,99}$/, { each: true, message: 'each type must be an event type name such as GoalReviewed' })
  type?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the events of this goal' })
  @IsOptional()
  @IsUUID()
  goalId?: string;

  @ApiPropertyOptional({ description: 'From a JSON page’s nextCursor: the entries after it' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a nextCursor as a page returned it' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: AUDIT_PAGE_DEFAULT, description: 'Entries per JSON page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ enum: AUDIT_FORMATS, default: 'json', description: 'json: a page; csv and jsonl: the whole selection as a file, streamed' })
  @IsOptional()
  @IsIn(AUDIT_FORMATS)
  format?: AuditFormat;

  @ApiPropertyOptional({ enum: AUDIT_LANGUAGES, default: 'de', description: 'The language of the CSV’s column headers, roles and summaries' })
  @IsOptional()
  @IsIn(AUDIT_LANGUAGES)
  lang?: AuditLanguage;
}

class AuditActorDto {
  @ApiProperty({ example: 'u-coord' })
  userId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Anna Koordination' })
  name!: string | null;

  @ApiProperty({ example: 'coordinator' })
  role!: string;
}

class AuditSummaryDto {
  @ApiProperty({ example: 'Ziel „Elternbeteiligung stärken“ überprüft: gefährdet' })
  de!: string;

  @ApiProperty({ example: 'Goal “Elternbeteiligung stärken” reviewed: at risk' })
  en!: string;
}

export class AuditEntryDto {
  @ApiProperty({ example: '748.12', description: 'The event’s global position: the order of the log' })
  position!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ format: 'uuid' })
  networkId!: string;

  @ApiProperty({ example: 'goal-6f1c2a54-…' })
  stream!: string;

  @ApiProperty()
  streamVersion!: number;

  @ApiProperty({ example: 'GoalReviewed' })
  type!: string;

  @ApiProperty({ example: '2026-06-15', description: 'Business time: when it happened' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'Record time: when it was written' })
  recordedAt!: string;

  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ type: AuditSummaryDto })
  summary!: AuditSummaryDto;

  @ApiProperty({ type: String, nullable: true, description: 'The reason or rationale a person gave' })
  reason!: string | null;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateBy, ValidationArguments } from 'class-validator';
import { REPORT_LANGUAGES, ReportLanguage } from '@kreislauf/reporting';
import { IsCalendarDate } from '../http/calendar-date.decorator';
import { ReadQueryDto } from '../http/query-params.dto';

export const REPORT_FORMATS = ['json', 'md', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `to` may not lie before `from`. */
function NotBeforeFrom() {
  return ValidateBy({
    name: 'notBeforeFrom',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const from = (args?.object as { from?: unknown } | undefined)?.from;
        return typeof value !== 'string' || typeof from !== 'string' || from <= value;
      },
      defaultMessage: () => 'to must not lie before from',
    },
  });
}

class ReportFormatQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'de', description: 'Language of labels, dates and numbers (de-DE or en-GB)' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: 'lang must be de or en' })
  lang?: ReportLanguage;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: 'json: the report model; md: Markdown; html: one self-contained file; pdf: A4, printed from the html' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json, md, html or pdf' })
  format?: ReportFormat;
}

export class ProgressReportQueryDto extends ReportFormatQueryDto {
  @IsCalendarDate({ description: 'First day of the period (business time)', example: '2026-01-01' })
  from!: string;

  @IsCalendarDate({ description: 'Last day of the period (business time), not before from', example: '2026-12-31' })
  @NotBeforeFrom()
  to!: string;
}

export class ProgrammeHistoryQueryDto extends ReportFormatQueryDto {
  @IsOptional()
  @IsCalendarDate({ required: false, description: 'First day of the period; by default the day the network was registered', example: '2016-01-01' })
  from?: string;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'Last day of the period, not before from; by default the day of the latest dated act', example: '2026-12-31' })
  @NotBeforeFrom()
  to?: string;
}

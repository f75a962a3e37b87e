import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { IsMoment } from './as-of';
import { IsCalendarDate } from './calendar-date.decorator';
import { WithPage } from './pagination';

export class ReadQueryDto {
  @ApiPropertyOptional({ example: '748.12', description: 'Wait until the read models have applied the write at this position' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,20}\.\d{1,20}$/, { message: 'after must be a position as returned by a write, e.g. 748.12' })
  after?: string;
}

/** A read that can show the state as the system knew it at a past moment of record time. */
export class AsOfQueryDto extends ReadQueryDto {
  @IsOptional()
  @IsMoment({ required: false, description: 'Show the state as recorded up to this moment; a moment not yet come reads like now' })
  asOf?: string;
}

export class CycleBoardQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A cycle of the network; the open (or latest) cycle by default' })
  @IsOptional()
  @IsUUID()
  cycleId?: string;
}

export class ReviewsDueQueryDto extends AsOfQueryDto {
  @IsOptional()
  @IsCalendarDate({ required: false, description: 'Goals whose next review is on or before this date; by default today, or with asOf the day of asOf (UTC)' })
  on?: string;
}

export class ReadPageQueryDto extends WithPage(ReadQueryDto) {}
export class AsOfPageQueryDto extends WithPage(AsOfQueryDto) {}
export class ReviewsDuePageQueryDto extends WithPage(ReviewsDueQueryDto) {}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from './calendar-date.decorator';

export class ReadQueryDto {
  @ApiPropertyOptional({ example: '748.12', description: 'Wait until the read models have applied the write at this position' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,20}\.\d{1,20}$/, { message: 'after must be a position as returned by a write, e.g. 748.12' })
  after?: string;
}

export class CycleBoardQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A cycle of the network; the open (or latest) cycle by default' })
  @IsOptional()
  @IsUUID()
  cycleId?: string;
}

export class ReviewsDueQueryDto extends ReadQueryDto {
  @IsOptional()
  @IsCalendarDate({ required: false, description: 'Goals whose next review is on or before this date; today by default' })
  on?: string;
}

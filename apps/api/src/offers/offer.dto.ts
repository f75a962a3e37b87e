import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { LIFE_PHASE_KEYS } from '@kreislauf/domain';
import { IsCalendarDate } from '../http/calendar-date.decorator';
import { ReadQueryDto } from '../http/query-params.dto';
import { WithPage } from '../http/pagination';

/** The content of an offer: set by a listing, given anew by every revision. */
export class OfferContentDto {
  @ApiProperty({ example: 'Elterncafé im Familienzentrum Kalk', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ example: 'Offener Treff für Eltern mit Kindern bis drei Jahre, mit Hebammensprechstunde.', maxLength: 5000 })
  @IsString()
  @Length(0, 5000)
  description!: string;

  @ApiProperty({ format: 'uuid', description: 'A current member organisation of the network' })
  @IsUUID()
  providerOrganisationId!: string;

  @ApiProperty({ type: [String], enum: LIFE_PHASE_KEYS, example: ['pregnancy', 'age_0_3'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIFE_PHASE_KEYS.length)
  @IsIn(LIFE_PHASE_KEYS, { each: true })
  lifePhases!: string[];

  @ApiProperty({ type: [String], example: ['Kalk', 'Vingst'], description: 'Districts of the network (its municipalities)', maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  districts!: string[];

  @ApiProperty({ type: [String], example: ['Alleinerziehende', 'Familien mit Zuwanderungsgeschichte'], maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @Matches(/\S/, { each: true, message: 'each value in targetGroups must not be blank' })
  targetGroups!: string[];

  @IsCalendarDate({ description: 'The first day the offer runs' })
  startsOn!: string;

  @IsOptional()
  @IsCalendarDate({ required: false, nullable: true, description: 'The last day the offer runs; none for an ongoing offer' })
  endsOn?: string | null;
}

export class ListOfferDto extends OfferContentDto {
  @IsCalendarDate({ description: 'The day the offer was taken into the landscape (business time)' })
  listedOn!: string;
}

export class ReviseOfferDto extends OfferContentDto {
  @IsCalendarDate({ description: 'The day of the revision (business time)' })
  revisedOn!: string;
}

export class WithdrawOfferDto {
  @IsCalendarDate({ description: 'From this day on the offer no longer runs' })
  withdrawnOn!: string;

  @ApiProperty({ example: 'Die Förderung durch die Stiftung endet.', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class OffersQueryDto extends ReadQueryDto {
  @IsOptional()
  @IsCalendarDate({ required: false, description: 'Only the offers running on this day; all offers not withdrawn by default' })
  on?: string;
}

export class OfferLandscapeQueryDto extends ReadQueryDto {
  @IsOptional()
  @IsCalendarDate({ required: false, description: 'The day the landscape shows; today by default' })
  on?: string;
}

export class OffersPageQueryDto extends WithPage(OffersQueryDto) {}

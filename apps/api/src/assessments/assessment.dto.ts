import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Rating, RATINGS, Visibility, VISIBILITIES } from '@kreislauf/domain';
import { IsCalendarDate } from '../http/calendar-date.decorator';
import { ReadQueryDto } from '../http/query-params.dto';

const KEY = /^[a-z0-9_.]{1,80}$/;
const KEY_MESSAGE = 'keys are 1 to 80 lower-case letters, digits, "_" or "."';

export class LabelDto {
  @ApiProperty({ example: 'Netzwerk', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  de!: string;

  @ApiProperty({ example: 'Network', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  en!: string;
}

export class FrameworkGoalDto {
  @ApiProperty({ example: 'network.goals.shared_goals' })
  @Matches(KEY, { message: KEY_MESSAGE })
  key!: string;

  @ApiProperty({ type: LabelDto })
  @ValidateNested()
  @Type(() => LabelDto)
  text!: LabelDto;
}

export class FrameworkThemeDto {
  @ApiProperty({ example: 'network.goals' })
  @Matches(KEY, { message: KEY_MESSAGE })
  key!: string;

  @ApiProperty({ type: LabelDto })
  @ValidateNested()
  @Type(() => LabelDto)
  title!: LabelDto;

  @ApiProperty({ type: [FrameworkGoalDto], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FrameworkGoalDto)
  goals!: FrameworkGoalDto[];
}

export class FrameworkQuestionDto {
  @ApiProperty({ example: 'network.strategic.resources' })
  @Matches(KEY, { message: KEY_MESSAGE })
  key!: string;

  @ApiProperty({ type: LabelDto })
  @ValidateNested()
  @Type(() => LabelDto)
  text!: LabelDto;
}

export class FrameworkDimensionDto {
  @ApiProperty({ example: 'network' })
  @Matches(KEY, { message: KEY_MESSAGE })
  key!: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  number!: number;

  @ApiProperty({ type: LabelDto })
  @ValidateNested()
  @Type(() => LabelDto)
  title!: LabelDto;

  @ApiPropertyOptional({ type: LabelDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LabelDto)
  description?: LabelDto | null;

  @ApiPropertyOptional({ type: [LabelDto], maxItems: 30, description: 'The questions the dimension asks (Zentrale Fragen)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => LabelDto)
  keyQuestions?: LabelDto[];

  @ApiProperty({ type: [FrameworkThemeDto], maxItems: 30, description: 'Empty for a dimension present by name only' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FrameworkThemeDto)
  themes!: FrameworkThemeDto[];

  @ApiPropertyOptional({ type: [FrameworkQuestionDto], maxItems: 50, description: 'Questions for the strategic-political level' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FrameworkQuestionDto)
  strategicQuestions?: FrameworkQuestionDto[];
}

/** The whole content of the next version of a framework. */
export class PublishFrameworkVersionDto {
  @ApiProperty({ type: LabelDto })
  @ValidateNested()
  @Type(() => LabelDto)
  title!: LabelDto;

  @ApiProperty({ type: [FrameworkDimensionDto], maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FrameworkDimensionDto)
  dimensions!: FrameworkDimensionDto[];

  @IsCalendarDate({ description: 'The day the version takes effect' })
  publishedOn!: string;
}

export class OpenAssessmentDto {
  @ApiProperty({ format: 'uuid', description: 'An open cycle of the network' })
  @IsUUID()
  cycleId!: string;

  @ApiProperty({ format: 'uuid', description: 'See GET /frameworks' })
  @IsUUID()
  frameworkId!: string;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  frameworkVersion!: number;

  @ApiProperty({ type: [String], example: ['network'], maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @Matches(KEY, { each: true, message: KEY_MESSAGE })
  dimensionKeys!: string[];

  @ApiProperty({ type: [String], example: ['u-anna', 'u-ben'], maxItems: 200, description: 'User ids of people with a role in the network' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  raters!: string[];

  @ApiProperty({ enum: VISIBILITIES, description: 'Whether the ratings show their raters once the round is closed' })
  @IsIn(VISIBILITIES)
  visibility!: Visibility;

  @IsCalendarDate()
  openedOn!: string;
}

export class ItemRatingDto {
  @ApiProperty({ example: 'network.goals.review_system' })
  @Matches(KEY, { message: KEY_MESSAGE })
  itemKey!: string;

  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  rating!: Rating;

  @ApiPropertyOptional({ example: 'Die Ziele werden selten gemeinsam angeschaut.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string;
}

export class SubmitRatingsDto {
  @ApiProperty({ type: [ItemRatingDto], maxItems: 300 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => ItemRatingDto)
  ratings!: ItemRatingDto[];

  @IsCalendarDate()
  ratedOn!: string;
}

export class CloseAssessmentDto {
  @IsCalendarDate()
  closedOn!: string;
}

export class PrioritiseItemDto {
  @ApiProperty({ example: 'network.goals.review_system' })
  @Matches(KEY, { message: KEY_MESSAGE })
  itemKey!: string;

  @IsCalendarDate()
  prioritisedOn!: string;

  @ApiPropertyOptional({ example: 'Größte Uneinigkeit; im Dialog als Schwerpunkt vereinbart', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class ComparisonQueryDto extends ReadQueryDto {
  @ApiProperty({ name: 'with', format: 'uuid', description: 'The other closed round of the same network' })
  @IsUUID()
  with!: string;
}

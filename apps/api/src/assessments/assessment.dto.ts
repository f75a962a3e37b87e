import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Rating, RATINGS, Visibility, VISIBILITIES } from '@kreislauf/domain';
import { IsCalendarDate } from '../http/calendar-date.decorator';
import { ReadQueryDto } from '../http/query-params.dto';

const KEY = /^[a-z0-9_.]{1,80}$/;
const KEY_MESSAGE = 'keys are 1 to 80 lower-case letters, digits, "_" or "."';

/** Applies the decorators as if written above the property, the last first, so that validation messages keep their order. */
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...decorators.reverse());

/** The key of a framework's dimension, theme, goal, question or item. */
const IsFrameworkKey = (example: string) => stacked(ApiProperty({ example }), Matches(KEY, { message: KEY_MESSAGE }));

/** A free text of at most 2000 characters that may be left out. */
const IsOptionalNote = (example: string) => stacked(ApiPropertyOptional({ example, maxLength: 2000 }), IsOptional(), IsString(), Length(0, 2000));

/** A list of nested objects, each validated as `type`. */
function IsNestedList(type: new () => object, maxItems: number, { minItems, optional = false, description }: { minItems?: number; optional?: boolean; description?: string } = {}) {
  const options = { type: [type], maxItems, ...(description === undefined ? {} : { description }) } as ApiPropertyOptions;
  return stacked(
    ...(optional ? [ApiPropertyOptional(options), IsOptional()] : [ApiProperty(options)]),
    IsArray(),
    ...(minItems === undefined ? [] : [ArrayMinSize(minItems)]),
    ArrayMaxSize(maxItems),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => type),
  );
}

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

/** German and English text of a framework entry. */
const IsLabel = () => stacked(ApiProperty({ type: LabelDto }), ValidateNested(), Type(() => LabelDto));

export class FrameworkGoalDto {
  @IsFrameworkKey('network.goals.shared_goals')
  key!: string;

  @IsLabel()
  text!: LabelDto;
}

export class FrameworkThemeDto {
  @IsFrameworkKey('network.goals')
  key!: string;

  @IsLabel()
  title!: LabelDto;

  @IsNestedList(FrameworkGoalDto, 50)
  goals!: FrameworkGoalDto[];
}

export class FrameworkQuestionDto {
  @IsFrameworkKey('network.strategic.resources')
  key!: string;

  @IsLabel()
  text!: LabelDto;
}

export class FrameworkDimensionDto {
  @IsFrameworkKey('network')
  key!: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  number!: number;

  @IsLabel()
  title!: LabelDto;

  @ApiPropertyOptional({ type: LabelDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LabelDto)
  description?: LabelDto | null;

  @IsNestedList(LabelDto, 30, { optional: true, description: 'The questions the dimension asks (Zentrale Fragen)' })
  keyQuestions?: LabelDto[];

  @IsNestedList(FrameworkThemeDto, 30, { description: 'Empty for a dimension present by name only' })
  themes!: FrameworkThemeDto[];

  @IsNestedList(FrameworkQuestionDto, 50, { optional: true, description: 'Questions for the strategic-political level' })
  strategicQuestions?: FrameworkQuestionDto[];
}

/** The whole content of the next version of a framework. */
export class PublishFrameworkVersionDto {
  @IsLabel()
  title!: LabelDto;

  @IsNestedList(FrameworkDimensionDto, 30, { minItems: 1 })
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
  @IsFrameworkKey('network.goals.review_system')
  itemKey!: string;

  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  rating!: Rating;

  @IsOptionalNote('Die Ziele werden selten gemeinsam angeschaut.')
  comment?: string;
}

export class SubmitRatingsDto {
  @IsNestedList(ItemRatingDto, 300, { minItems: 1 })
  ratings!: ItemRatingDto[];

  @IsCalendarDate()
  ratedOn!: string;
}

export class CloseAssessmentDto {
  @IsCalendarDate()
  closedOn!: string;
}

export class PrioritiseItemDto {
  @IsFrameworkKey('network.goals.review_system')
  itemKey!: string;

  @IsCalendarDate()
  prioritisedOn!: string;

  @IsOptionalNote('Größte Uneinigkeit; im Dialog als Schwerpunkt vereinbart')
  note?: string;
}

export class ComparisonQueryDto extends ReadQueryDto {
  @ApiProperty({ name: 'with', format: 'uuid', description: 'The other closed round of the same network' })
  @IsUUID()
  with!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  ASSESSMENTS,
  Assessment,
  IMPACT_LEVELS,
  ImpactLevel,
  INDICATOR_DIRECTIONS,
  IndicatorDirection,
  LIFE_PHASE_KEYS,
  QUALITY_GOAL_KEYS,
  REORIENTATION_DECISIONS,
  ReorientationDecision,
} from '@kreislauf/domain';
import { IsCalendarDate } from '../http/calendar-date.decorator';

const isFiniteNumber = () => IsNumber({ allowNaN: false, allowInfinity: false });

/** The content of a goal: set by a definition, changed by an adjustment, given anew by a replacement. */
export class GoalContentDto {
  @ApiProperty({ example: 'Elternbeteiligung in den Familienzentren stärken', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ example: 'Eltern wirken in Gremien und Angeboten der Familienzentren mit.', maxLength: 5000 })
  @IsString()
  @Length(0, 5000)
  description!: string;

  @ApiProperty({ type: [String], enum: QUALITY_GOAL_KEYS, example: ['participation'], description: 'kinderstark quality goals' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsIn(QUALITY_GOAL_KEYS, { each: true })
  qualityGoals!: string[];

  @ApiPropertyOptional({ enum: LIFE_PHASE_KEYS, nullable: true, example: 'age_3_6' })
  @IsOptional()
  @IsIn(LIFE_PHASE_KEYS)
  lifePhase?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Tönisvorst', maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  district?: string | null;

  @ApiProperty({ example: 90, minimum: 1, maximum: 3650 })
  @IsInt()
  @Min(1)
  @Max(3650)
  reviewIntervalDays!: number;
}

export class DefineGoalDto extends GoalContentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cycleId!: string;

  @ApiProperty({ enum: ['strategic', 'operational'] })
  @IsIn(['strategic', 'operational'])
  level!: 'strategic' | 'operational';

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Required for an operational goal: its strategic goal', nullable: true })
  @IsOptional()
  @IsUUID()
  parentGoalId?: string | null;

  @IsCalendarDate()
  definedOn!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The decision of a body this rests on (see GET /networks/{networkId}/decisions)' })
  @IsOptional()
  @IsUUID()
  decisionId?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['P1'], description: 'Strategic goals: keys of the guiding principles of the Leitbild in force it serves' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(/^[A-Za-z0-9_.-]{1,32}$/, { each: true, message: 'each principle key is 1 to 32 letters, digits, . _ or -' })
  principleKeys?: string[];
}

export class IndicatorDto {
  @ApiProperty({ example: 'parents_active', pattern: '^[a-z0-9_]{1,64}$' })
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'key must be 1 to 64 lower-case letters, digits or underscores' })
  key!: string;

  @ApiProperty({ example: 'Aktive Eltern in Gremien', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ example: 'Personen', maxLength: 50 })
  @IsString()
  @Length(1, 50)
  unit!: string;

  @ApiProperty({ example: 4 })
  @isFiniteNumber()
  baseline!: number;

  @ApiProperty({ example: 12 })
  @isFiniteNumber()
  target!: number;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS })
  @IsIn(INDICATOR_DIRECTIONS)
  direction!: IndicatorDirection;

  @IsCalendarDate()
  dueOn!: string;

  @ApiProperty({ enum: IMPACT_LEVELS })
  @IsIn(IMPACT_LEVELS)
  impactLevel!: ImpactLevel;
}

export class MeasureDto {
  @ApiProperty({ example: 'Elterncafé im Familienzentrum', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ example: 'Familienzentrum Tönisvorst', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  responsibleOrganisation!: string;

  @IsCalendarDate()
  startsOn!: string;

  @IsCalendarDate()
  endsOn!: string;
}

export class ConcretiseGoalDto {
  @ApiProperty({ type: [IndicatorDto], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators!: IndicatorDto[];

  @ApiProperty({ type: [MeasureDto], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MeasureDto)
  measures!: MeasureDto[];

  @IsCalendarDate()
  concretisedOn!: string;
}

export class RecordMeasurementDto {
  @ApiProperty({ example: 'parents_active' })
  @IsString()
  @Length(1, 64)
  indicatorKey!: string;

  @ApiProperty({ example: 7 })
  @isFiniteNumber()
  value!: number;

  @IsCalendarDate()
  measuredOn!: string;

  @ApiProperty({ example: 'Anwesenheitslisten der Elterncafés', maxLength: 500 })
  @IsString()
  @Length(1, 500)
  source!: string;
}

export class ReviewGoalDto {
  @IsCalendarDate({ description: 'The day the review took place (business time)' })
  reviewedOn!: string;

  @ApiProperty({ enum: ASSESSMENTS })
  @IsIn(ASSESSMENTS)
  assessment!: Assessment;

  @ApiProperty({ example: 'Protokoll der Steuerungsgruppe vom 10.03.2026', maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  evidence!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The decision of a body this rests on (see GET /networks/{networkId}/decisions)' })
  @IsOptional()
  @IsUUID()
  decisionId?: string | null;
}

export class GoalChangesDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  description?: string;

  @ApiPropertyOptional({ type: [String], enum: QUALITY_GOAL_KEYS })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsIn(QUALITY_GOAL_KEYS, { each: true })
  qualityGoals?: string[];

  @ApiPropertyOptional({ enum: LIFE_PHASE_KEYS, nullable: true })
  @IsOptional()
  @IsIn(LIFE_PHASE_KEYS)
  lifePhase?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  district?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 3650 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  reviewIntervalDays?: number;
}

export class ReorientGoalDto {
  @ApiProperty({ enum: REORIENTATION_DECISIONS })
  @IsIn(REORIENTATION_DECISIONS)
  decision!: ReorientationDecision;

  @ApiProperty({ example: 'Die Elterncafés erreichen zu wenige Väter; wir ergänzen ein Vätercafé.', maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  rationale!: string;

  @IsCalendarDate()
  reorientedOn!: string;

  @ApiPropertyOptional({ type: GoalChangesDto, description: 'For "adjust": the fields that change' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GoalChangesDto)
  changes?: GoalChangesDto;

  @ApiPropertyOptional({ type: GoalContentDto, description: 'For "replace": the new goal, in the same cycle and under the same parent' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GoalContentDto)
  replacement?: GoalContentDto;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The decision of a body this rests on (see GET /networks/{networkId}/decisions)' })
  @IsOptional()
  @IsUUID()
  decisionId?: string | null;
}

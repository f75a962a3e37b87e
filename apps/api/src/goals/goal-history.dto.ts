import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ASSESSMENTS, Assessment, IMPACT_LEVELS, ImpactLevel, INDICATOR_DIRECTIONS, IndicatorDirection, REORIENTATION_DECISIONS, ReorientationDecision } from '@kreislauf/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { AsOfQueryDto } from '../http/query-params.dto';
import {
  GoalConcretisedChange,
  GoalContentFields,
  GoalDefinedChange,
  GoalHistoryActor,
  GoalHistoryEntry,
  GoalHistoryEntryBase,
  GoalHistoryIndicator,
  GoalHistoryMeasure,
  GoalHistoryPage,
  GoalReorientedChange,
  GoalReviewedChange,
  MeasurementRecordedChange,
} from './goal-history';

export const GOAL_HISTORY_PAGE_DEFAULT = 100;
export const GOAL_HISTORY_PAGE_MAX = 1000;

const GOAL_LEVELS = ['strategic', 'operational'] as const;
const GOAL_STATUSES = ['active', 'retired', 'replaced'] as const;

export class GoalHistoryQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ description: 'From a page’s nextCursor: the entries after it' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a nextCursor as a page returned it' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: GOAL_HISTORY_PAGE_MAX, default: GOAL_HISTORY_PAGE_DEFAULT, description: 'Entries per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(GOAL_HISTORY_PAGE_MAX)
  limit?: number;
}

class GoalHistoryActorDto implements GoalHistoryActor {
  @ApiProperty({ example: 'u-coord', description: 'The token’s subject' })
  userId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Anna Koordination', description: 'The name the person had when they acted, where the token named one' })
  name!: string | null;

  @ApiProperty({ example: 'coordinator' })
  role!: string;
}

class GoalHistoryDecisionSummaryDto {
  @ApiProperty({ example: 'beschlossen von der Steuerungsgruppe „Steuerungsgruppe Frühe Hilfen“ am 16. September 2026' })
  de!: string;

  @ApiProperty({ example: 'decided by the steering group “Steuerungsgruppe Frühe Hilfen” on 16 September 2026' })
  en!: string;
}

class GoalHistoryDecisionDto {
  @ApiProperty({ format: 'uuid' })
  decisionId!: string;

  @ApiProperty({ format: 'uuid' })
  meetingId!: string;

  @ApiProperty({ format: 'uuid' })
  bodyId!: string;

  @ApiProperty({ example: 'Steuerungsgruppe Frühe Hilfen' })
  bodyName!: string;

  @ApiProperty({ example: 'steering_group' })
  bodyKind!: string;

  @ApiProperty({ format: 'date', example: '2026-09-16' })
  decidedOn!: string;

  @ApiProperty({ example: 'goal_reorientation' })
  subject!: string;

  @ApiProperty({ example: 'Die Steuerungsgruppe passt das Ziel an.' })
  text!: string;

  @ApiProperty({ type: GoalHistoryDecisionSummaryDto })
  summary!: GoalHistoryDecisionSummaryDto;
}

class GoalHistorySourceItemDto {
  @ApiProperty({ format: 'uuid' })
  assessmentId!: string;

  @ApiProperty({ example: 'network.goals.review_system' })
  itemKey!: string;
}

class GoalDefinedChangeDto implements GoalDefinedChange {
  @ApiProperty({ example: 'Familien früh erreichen' })
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: GOAL_LEVELS })
  level!: 'strategic' | 'operational';

  @ApiProperty({ format: 'uuid' })
  cycleId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentGoalId!: string | null;

  @ApiProperty({ type: [String], example: ['participation'] })
  qualityGoals!: string[];

  @ApiProperty({ type: String, nullable: true, example: 'age_0_3' })
  lifePhase!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Tönisvorst' })
  district!: string | null;

  @ApiProperty({ type: 'integer', example: 90 })
  reviewIntervalDays!: number;

  @ApiProperty({ format: 'date', example: '2026-03-15' })
  definedOn!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  replacesGoalId!: string | null;

  @ApiProperty({ type: [String], example: ['P1'] })
  principleKeys!: string[];

  @ApiProperty({ type: GoalHistorySourceItemDto, nullable: true, description: 'The self-assessment item the goal was derived from' })
  sourceItem!: GoalHistorySourceItemDto | null;
}

class GoalHistoryIndicatorDto implements GoalHistoryIndicator {
  @ApiProperty({ example: 'parents_active' })
  key!: string;

  @ApiProperty({ example: 'Aktive Eltern in Gremien' })
  name!: string;

  @ApiProperty({ example: 'Personen' })
  unit!: string;

  @ApiProperty({ example: 4 })
  baseline!: number;

  @ApiProperty({ example: 12 })
  target!: number;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS })
  direction!: IndicatorDirection;

  @ApiProperty({ format: 'date' })
  dueOn!: string;

  @ApiProperty({ enum: IMPACT_LEVELS })
  impactLevel!: ImpactLevel;
}

class GoalHistoryMeasureDto implements GoalHistoryMeasure {
  @ApiProperty({ format: 'uuid' })
  measureId!: string;

  @ApiProperty({ example: 'Elterncafé im Familienzentrum' })
  title!: string;

  @ApiProperty({ example: 'Familienzentrum Tönisvorst' })
  responsibleOrganisation!: string;

  @ApiProperty({ format: 'date' })
  startsOn!: string;

  @ApiProperty({ format: 'date' })
  endsOn!: string;
}

class GoalConcretisedChangeDto implements GoalConcretisedChange {
  @ApiProperty({ format: 'date' })
  concretisedOn!: string;

  @ApiProperty({ type: [GoalHistoryIndicatorDto] })
  indicators!: GoalHistoryIndicatorDto[];

  @ApiProperty({ type: [GoalHistoryMeasureDto] })
  measures!: GoalHistoryMeasureDto[];
}

class MeasurementRecordedChangeDto implements MeasurementRecordedChange {
  @ApiProperty({ example: 'parents_active' })
  indicatorKey!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Aktive Eltern in Gremien', description: 'Null for a key the goal does not have' })
  indicatorName!: string | null;

  @ApiProperty({ example: 8 })
  value!: number;

  @ApiProperty({ format: 'date' })
  measuredOn!: string;

  @ApiProperty({ example: 'Teilnahmeliste' })
  source!: string;
}

class GoalReviewedChangeDto implements GoalReviewedChange {
  @ApiProperty({ format: 'date' })
  reviewedOn!: string;

  @ApiProperty({ enum: ASSESSMENTS })
  assessment!: Assessment;

  @ApiProperty({ example: 'Protokoll der Steuerungsgruppe' })
  evidence!: string;
}

/** Only the fields an adjustment or a reorientation changed are present. */
export class GoalContentFieldsDto implements GoalContentFields {
  @ApiPropertyOptional()
  title?: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiPropertyOptional({ type: [String] })
  qualityGoals?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  lifePhase?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  district?: string | null;

  @ApiPropertyOptional({ type: 'integer' })
  reviewIntervalDays?: number;
}

class GoalAdjustmentDto {
  @ApiProperty({ type: GoalContentFieldsDto, description: 'The changed fields as they were before' })
  before!: GoalContentFieldsDto;

  @ApiProperty({ type: GoalContentFieldsDto, description: 'The changed fields as they are after' })
  after!: GoalContentFieldsDto;
}

class GoalReorientedChangeDto implements GoalReorientedChange {
  @ApiProperty({ format: 'date' })
  reorientedOn!: string;

  @ApiProperty({ enum: REORIENTATION_DECISIONS })
  decision!: ReorientationDecision;

  @ApiProperty({ example: 'Engerer Blick: vierteljährlich prüfen' })
  rationale!: string;

  @ApiProperty({ type: GoalAdjustmentDto, nullable: true, description: 'For "adjust": the fields it changed, before and after' })
  adjusted!: GoalAdjustmentDto | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  replacementGoalId!: string | null;

  @ApiProperty({ enum: GOAL_STATUSES, description: 'The goal’s status after the decision' })
  status!: 'active' | 'retired' | 'replaced';
}

abstract class GoalHistoryEntryBaseDto implements GoalHistoryEntryBase {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'The event’s version in the goal’s stream: the order of the history' })
  version!: number;

  @ApiProperty({ format: 'date', example: '2026-06-15', description: 'Business time: when it happened' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'Record time: when it was written' })
  recordedAt!: string;

  @ApiProperty({ type: GoalHistoryActorDto, description: 'Who recorded it' })
  actor!: GoalHistoryActorDto;

  @ApiProperty({ type: String, nullable: true, description: 'Why: the rationale of a reorientation, or the reason a person gave' })
  reason!: string | null;

  @ApiProperty({ description: 'The write the event came from' })
  correlationId!: string;

  @ApiProperty({ type: GoalHistoryDecisionDto, nullable: true, description: 'The body’s decision the event rests on' })
  decision!: GoalHistoryDecisionDto | null;
}

type EntryOf<T extends GoalHistoryEntry['type']> = Extract<GoalHistoryEntry, { type: T }>;

class GoalDefinedEntryDto extends GoalHistoryEntryBaseDto implements EntryOf<'GoalDefined'> {
  @ApiProperty({ enum: ['GoalDefined'] })
  type!: 'GoalDefined';

  @ApiProperty({ type: GoalDefinedChangeDto })
  change!: GoalDefinedChangeDto;
}

class GoalConcretisedEntryDto extends GoalHistoryEntryBaseDto implements EntryOf<'GoalConcretised'> {
  @ApiProperty({ enum: ['GoalConcretised'] })
  type!: 'GoalConcretised';

  @ApiProperty({ type: GoalConcretisedChangeDto })
  change!: GoalConcretisedChangeDto;
}

class MeasurementRecordedEntryDto extends GoalHistoryEntryBaseDto implements EntryOf<'MeasurementRecorded'> {
  @ApiProperty({ enum: ['MeasurementRecorded'] })
  type!: 'MeasurementRecorded';

  @ApiProperty({ type: MeasurementRecordedChangeDto })
  change!: MeasurementRecordedChangeDto;
}

class GoalReviewedEntryDto extends GoalHistoryEntryBaseDto implements EntryOf<'GoalReviewed'> {
  @ApiProperty({ enum: ['GoalReviewed'] })
  type!: 'GoalReviewed';

  @ApiProperty({ type: GoalReviewedChangeDto })
  change!: GoalReviewedChangeDto;
}

class GoalReorientedEntryDto extends GoalHistoryEntryBaseDto implements EntryOf<'GoalReoriented'> {
  @ApiProperty({ enum: ['GoalReoriented'] })
  type!: 'GoalReoriented';

  @ApiProperty({ type: GoalReorientedChangeDto })
  change!: GoalReorientedChangeDto;
}

/** One schema per event type; the compiler checks that every type of the union has one. */
const ENTRY_DTOS = {
  GoalDefined: GoalDefinedEntryDto,
  GoalConcretised: GoalConcretisedEntryDto,
  MeasurementRecorded: MeasurementRecordedEntryDto,
  GoalReviewed: GoalReviewedEntryDto,
  GoalReoriented: GoalReorientedEntryDto,
} satisfies { [T in GoalHistoryEntry['type']]: new () => EntryOf<T> };

@ApiExtraModels(...Object.values(ENTRY_DTOS))
export class GoalHistoryPageDto implements GoalHistoryPage {
  @ApiProperty({
    type: 'array',
    description: 'The goal’s events in stream order, each with what changed, typed by its event type',
    items: {
      oneOf: Object.values(ENTRY_DTOS).map((dto) => ({ $ref: getSchemaPath(dto) })),
      discriminator: { propertyName: 'type', mapping: Object.fromEntries(Object.entries(ENTRY_DTOS).map(([type, dto]) => [type, getSchemaPath(dto)])) },
    },
  })
  items!: GoalHistoryEntry[];

  @ApiProperty({ type: String, nullable: true, description: 'Send as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}

import { ApiProperty } from '@nestjs/swagger';
import { GoalContentFieldsDto } from './goal-history.dto';

/** What every act on a goal carries beside its content: the decision it rests on, when it happened and when it was recorded. */
class GoalActRecordResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decisionId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  occurredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  recordedAt!: string | null;
}

export class GoalReviewResponse extends GoalActRecordResponse {
  @ApiProperty({ type: String, format: 'uuid', required: false, description: 'The event that recorded the review.' })
  eventId?: string;

  @ApiProperty({ type: String, format: 'date' })
  reviewedOn!: string;

  @ApiProperty({ type: String })
  assessment!: string;

  @ApiProperty({ type: String })
  evidence!: string;

  @ApiProperty({ type: String })
  reviewedBy!: string;
}

export class GoalReorientationResponse extends GoalActRecordResponse {
  @ApiProperty({ type: String, format: 'uuid', required: false, description: 'The event that recorded the reorientation.' })
  eventId?: string;

  @ApiProperty({ type: String, format: 'date' })
  reorientedOn!: string;

  @ApiProperty({ type: String })
  decision!: string;

  @ApiProperty({ type: String })
  rationale!: string;

  @ApiProperty({ type: () => GoalContentFieldsDto, nullable: true })
  changes!: GoalContentFieldsDto | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  replacementGoalId!: string | null;

  @ApiProperty({ type: String })
  decidedBy!: string;
}

/** What a goal is after its events, as every reader sees it: the goals read model stores it, time travel rebuilds it from the events recorded up to a moment, reports fold it up to a business date. One fold, `evolveGoalView`, so that progress, latest values, status, reviews and reorientations mean the same everywhere. */
export class GoalMeasurementResponse {
  @ApiProperty({ type: Number })
  value!: number;

  @ApiProperty({ type: String, format: 'date' })
  measuredOn!: string;

  @ApiProperty({ type: String })
  source!: string;
}

export class GoalIndicatorResponse {
  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: String })
  unit!: string;

  @ApiProperty({ type: Number })
  baseline!: number;

  @ApiProperty({ type: Number })
  target!: number;

  @ApiProperty({ type: String, enum: ['increase', 'decrease'] })
  direction!: 'increase' | 'decrease';

  @ApiProperty({ type: String, format: 'date' })
  dueOn!: string;

  @ApiProperty({ type: String })
  impactLevel!: string;

  @ApiProperty({ type: Number, nullable: true })
  latestValue!: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  latestMeasuredOn!: string | null;

  @ApiProperty({ type: Number })
  progressPercent!: number;

  @ApiProperty({ type: () => [GoalMeasurementResponse], description: 'By date; measurements of one day in the order they were recorded.' })
  measurements!: GoalMeasurementResponse[];
}

export class GoalMeasureResponse {
  @ApiProperty({ type: String })
  measureId!: string;

  @ApiProperty({ type: String })
  title!: string;

  @ApiProperty({ type: String })
  responsibleOrganisation!: string;

  @ApiProperty({ type: String, format: 'date' })
  startsOn!: string;

  @ApiProperty({ type: String, format: 'date' })
  endsOn!: string;
}

export class GoalResponse {
  @ApiProperty({ type: () => [GoalReviewResponse] })
  reviews!: GoalReviewResponse[];

  @ApiProperty({ type: () => [GoalReorientationResponse] })
  reorientations!: GoalReorientationResponse[];

  @ApiProperty({ type: String, enum: ['active', 'retired', 'replaced'] })
  status!: 'active' | 'retired' | 'replaced';

  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  networkId!: string;

  @ApiProperty({ type: String, format: 'uuid', description: 'The goal’s latest cycle: where it was defined, or the last cycle that carried it over.' })
  cycleId!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Every cycle the goal belonged to, in order.' })
  cycleIds!: string[];

  @ApiProperty({ type: [String], description: 'Keys of the Leitbild’s guiding principles a strategic goal serves.' })
  principleKeys!: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The decision the definition rests on.' })
  decisionId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentGoalId!: string | null;

  @ApiProperty({ type: String, enum: ['strategic', 'operational'] })
  level!: 'strategic' | 'operational';

  @ApiProperty({ type: String })
  title!: string;

  @ApiProperty({ type: String })
  description!: string;

  @ApiProperty({ type: [String] })
  qualityGoals!: string[];

  @ApiProperty({ type: String, nullable: true })
  lifePhase!: string | null;

  @ApiProperty({ type: String, nullable: true })
  district!: string | null;

  @ApiProperty({ type: 'integer' })
  reviewIntervalDays!: number;

  @ApiProperty({ type: String, format: 'date' })
  definedOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  lastReviewOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastAssessment!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  nextReviewOn!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Average of the indicators’ progress; null without indicators.' })
  progressPercent!: number | null;

  @ApiProperty({ type: () => [GoalIndicatorResponse] })
  indicators!: GoalIndicatorResponse[];

  @ApiProperty({ type: () => [GoalMeasureResponse] })
  measures!: GoalMeasureResponse[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  replacesGoalId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  replacedByGoalId!: string | null;

  @ApiProperty({ type: 'integer' })
  version!: number;
}

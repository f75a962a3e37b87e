import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { GoalReorientationResponse, GoalResponse, GoalReviewResponse } from '../goals/goal.response';
import { GoalRefResponse } from '../http/openapi/read-parts.response';

export class RoleResponse {
  @ApiProperty({ type: String })
  userId!: string;

  @ApiProperty({ type: String })
  role!: string;

  @ApiProperty({ type: String, format: 'date' })
  grantedOn!: string;
}

export class PhaseEntryResponse {
  @ApiProperty({ type: String })
  phase!: string;

  @ApiProperty({ type: String, format: 'date' })
  enteredOn!: string;
}

export class NetworkCycleResponse {
  @ApiProperty({ type: String, enum: ['open', 'closed'] })
  status!: 'open' | 'closed';

  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String })
  title!: string;

  @ApiProperty({ type: String, format: 'date' })
  periodFrom!: string;

  @ApiProperty({ type: String, format: 'date' })
  periodTo!: string;

  @ApiProperty({ type: String, format: 'date' })
  openedOn!: string;

  @ApiProperty({ type: String, nullable: true })
  currentPhase!: string | null;

  @ApiProperty({ type: () => [PhaseEntryResponse] })
  phases!: PhaseEntryResponse[];

  @ApiProperty({ type: String, format: 'date', nullable: true })
  closedOn!: string | null;
}

export class NetworkResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  openCycleId!: string | null;

  @ApiProperty({ type: () => [NetworkCycleResponse] })
  cycles!: NetworkCycleResponse[];

  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', description: 'The network stream’s version this row reflects: events at or below it were applied.' })
  version!: number;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: String })
  region!: string;

  @ApiProperty({ type: String })
  responsibleBody!: string;

  @ApiProperty({ type: [String] })
  municipalities!: string[];

  @ApiProperty({ type: String, nullable: true })
  programme!: string | null;

  @ApiProperty({ type: String, format: 'date' })
  registeredOn!: string;
}

export class CycleReviewResponse extends PickType(GoalReviewResponse, ['reviewedOn', 'assessment', 'decisionId'] as const) {}

export class CycleReorientationResponse extends PickType(GoalReorientationResponse, ['reorientedOn', 'decision', 'rationale', 'replacementGoalId', 'decisionId'] as const) {}

export class CycleGoalResponse extends GoalRefResponse {
  @ApiProperty({ type: String, enum: ['defined', 'replacement', 'carried_over'] })
  origin!: 'defined' | 'replacement' | 'carried_over';

  @ApiProperty({ type: String, description: 'The goal’s status at the end of the cycle (or now, for the open cycle).' })
  status!: string;

  @ApiProperty({ type: () => [CycleReviewResponse] })
  reviews!: CycleReviewResponse[];

  @ApiProperty({ type: () => [CycleReorientationResponse] })
  reorientations!: CycleReorientationResponse[];
}

export class CycleOverviewSummaryResponse {
  @ApiProperty({ type: 'integer' })
  goals!: number;

  @ApiProperty({ type: 'integer' })
  reviewed!: number;

  @ApiProperty({ type: 'integer' })
  reviews!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  reorientations!: Record<string, number>;
}

export class CycleOverviewResponse {
  @ApiProperty({ type: () => NetworkCycleResponse })
  cycle!: NetworkCycleResponse;

  @ApiProperty({ type: () => [CycleGoalResponse], description: 'Goals defined in the cycle (or as replacements in it).' })
  planned!: CycleGoalResponse[];

  @ApiProperty({ type: () => [CycleGoalResponse], description: 'Goals still active when the cycle before closed.' })
  carriedOver!: CycleGoalResponse[];

  @ApiProperty({ type: () => CycleOverviewSummaryResponse })
  summary!: CycleOverviewSummaryResponse;
}

export class BoardGoalResponse extends PickType(GoalResponse, ['id', 'level', 'title', 'qualityGoals', 'lifePhase', 'district', 'lastAssessment', 'lastReviewOn', 'nextReviewOn'] as const) {
  @ApiProperty({ type: String })
  status!: string;

  @ApiProperty({ type: Number, nullable: true })
  progressPercent!: number | null;

  @ApiProperty({ type: () => [BoardGoalResponse] })
  children!: BoardGoalResponse[];
}

export class CycleBoardResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  networkId!: string;

  @ApiProperty({ type: () => NetworkCycleResponse, nullable: true })
  cycle!: NetworkCycleResponse | null;

  @ApiProperty({ type: () => [BoardGoalResponse] })
  goals!: BoardGoalResponse[];
}

export class DueReviewResponse extends IntersectionType(GoalRefResponse, PickType(GoalResponse, ['lastReviewOn', 'lastAssessment'] as const)) {
  @ApiProperty({ type: String, format: 'uuid' })
  cycleId!: string;

  @ApiProperty({ type: String, format: 'date' })
  nextReviewOn!: string;
}

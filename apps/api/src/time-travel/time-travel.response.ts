import { ApiProperty } from '@nestjs/swagger';
import { ActorResponse } from '../http/openapi/read-parts.response';

export class GoalDiffFromResponse {
  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: 'integer', nullable: true })
  version!: number | null;
}

export class GoalDiffToResponse {
  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;
}

/** One field that differs between two versions of a view; `null` stands for absent. */
export class FieldChangeResponse {
  @ApiProperty({ type: String, description: '`status`, `indicators[cafes].latestValue`, `measures[<measureId>].endsOn`, `reviews[1]`.' })
  path!: string;

  @ApiProperty({ anyOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }, { type: 'array', items: {} }] })
  before!: unknown;

  @ApiProperty({ anyOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }, { type: 'array', items: {} }] })
  after!: unknown;
}

/** An event recorded between the two moments that changed the goal. */
export class RecordedChangeResponse {
  @ApiProperty({ type: String, enum: ['goal', 'network'], description: 'The goal’s own stream, or its network’s (a cycle that carried the goal over).' })
  stream!: 'goal' | 'network';

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: String })
  type!: string;

  @ApiProperty({ type: String })
  occurredAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ type: () => ActorResponse })
  actor!: ActorResponse;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
}

export class GoalDiffResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  goalId!: string;

  @ApiProperty({ type: () => GoalDiffFromResponse, description: '`version` is null when the goal was not yet recorded at `from`.' })
  from!: GoalDiffFromResponse;

  @ApiProperty({ type: () => GoalDiffToResponse })
  to!: GoalDiffToResponse;

  @ApiProperty({ type: () => [FieldChangeResponse], description: 'The goal’s fields (as GET /goals/{goalId} shows them) that differ between the two moments; `version` aside.' })
  changes!: FieldChangeResponse[];

  @ApiProperty({ type: () => [RecordedChangeResponse] })
  events!: RecordedChangeResponse[];
}

import { ApiProperty } from '@nestjs/swagger';

/** A text in German (first) and English. */
export class LabelResponse {
  @ApiProperty({ type: String })
  de!: string;

  @ApiProperty({ type: String })
  en!: string;
}

export class ActorResponse {
  @ApiProperty({ type: String })
  userId!: string;

  @ApiProperty({ type: String, required: false })
  displayName?: string;

  @ApiProperty({ type: String })
  role!: string;
}

/** A decision as reads show it where an act names it: which body decided what, when, in both languages. */
export class DecisionResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  decisionId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  meetingId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  bodyId!: string;

  @ApiProperty({ type: String })
  bodyName!: string;

  @ApiProperty({ type: String })
  bodyKind!: string;

  @ApiProperty({ type: String, format: 'date' })
  decidedOn!: string;

  @ApiProperty({ type: String })
  subject!: string;

  @ApiProperty({ type: String })
  text!: string;

  @ApiProperty({ type: () => LabelResponse, description: '"beschlossen von der Steuerungsgruppe am 10. März 2026" / "decided by the steering group on 10 March 2026".' })
  summary!: LabelResponse;
}

export class KeyedLabelResponse {
  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: String })
  de!: string;

  @ApiProperty({ type: String })
  en!: string;
}

/** A goal as a list names it beside what the list says about it. */
export class GoalRefResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  goalId!: string;

  @ApiProperty({ type: String })
  level!: string;

  @ApiProperty({ type: String })
  title!: string;
}

import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { GoalRefResponse, LabelResponse } from '../http/openapi/read-parts.response';

export class AssessmentSummaryResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  cycleId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  frameworkId!: string;

  @ApiProperty({ type: 'integer' })
  frameworkVersion!: number;

  @ApiProperty({ type: [String] })
  dimensionKeys!: string[];

  @ApiProperty({ type: String, enum: ['named', 'anonymous'] })
  visibility!: 'named' | 'anonymous';

  @ApiProperty({ type: String, enum: ['open', 'closed'] })
  status!: 'open' | 'closed';

  @ApiProperty({ type: String, format: 'date' })
  openedOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  closedOn!: string | null;

  @ApiProperty({ type: 'integer' })
  raters!: number;

  @ApiProperty({ type: 'integer' })
  submitted!: number;
}

export class AssessmentFrameworkResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  frameworkId!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: () => LabelResponse, nullable: true })
  title!: LabelResponse | null;
}

export class AssessmentDimensionResponse {
  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: 'integer', nullable: true })
  number!: number | null;

  @ApiProperty({ type: () => LabelResponse, nullable: true })
  title!: LabelResponse | null;
}

export class AssessmentRatingScaleResponse {
  @ApiProperty({ type: String, enum: ['not_reached', 'partly_reached', 'largely_reached', 'fully_reached', 'cannot_judge'] })
  key!: 'not_reached' | 'partly_reached' | 'largely_reached' | 'fully_reached' | 'cannot_judge';

  @ApiProperty({ type: () => LabelResponse })
  label!: LabelResponse;
}

export class ItemYourRatingResponse {
  @ApiProperty({ type: String, enum: ['not_reached', 'partly_reached', 'largely_reached', 'fully_reached', 'cannot_judge'] })
  rating!: 'not_reached' | 'partly_reached' | 'largely_reached' | 'fully_reached' | 'cannot_judge';

  @ApiProperty({ type: String })
  comment!: string;

  @ApiProperty({ type: String, format: 'date' })
  ratedOn!: string;
}

export class ItemResultCountsResponse {
  @ApiProperty({ type: 'integer' })
  not_reached!: number;

  @ApiProperty({ type: 'integer' })
  partly_reached!: number;

  @ApiProperty({ type: 'integer' })
  largely_reached!: number;

  @ApiProperty({ type: 'integer' })
  fully_reached!: number;

  @ApiProperty({ type: 'integer' })
  cannot_judge!: number;
}

/** The result of one development goal in a closed round. - `median`: on the ordinal scale 1 (not reached) … 4 (fully reached), "cannot judge" left out; with an even number of ratings the midpoint of the two middle ones, so it may be a half step (2.5: between partly and largely). - `divergence`: Leik's ordinal dispersion D = 2/(k−1) · Σ min(Fᵢ, 1−Fᵢ) over the cumulative shares Fᵢ of the first k−1 levels (k = 4). 0: everybody gave the same level; 1: half at each end of the scale. Null without ratings. */
export class ItemResultResponse {
  @ApiProperty({ type: () => ItemResultCountsResponse })
  counts!: ItemResultCountsResponse;

  @ApiProperty({ type: 'integer', description: 'Ratings on the scale ("cannot judge" not counted).' })
  rated!: number;

  @ApiProperty({ type: 'integer' })
  cannotJudge!: number;

  @ApiProperty({ type: Number, nullable: true })
  median!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  divergence!: number | null;
}

export class ItemRatingRaterResponse {
  @ApiProperty({ type: String })
  userId!: string;

  @ApiProperty({ type: String, nullable: true })
  displayName!: string | null;
}

export class ItemRatingResponse extends PickType(ItemYourRatingResponse, ['rating', 'comment'] as const) {
  @ApiProperty({ type: () => ItemRatingRaterResponse, nullable: true })
  rater!: ItemRatingRaterResponse | null;
}

export class ItemPriorityResponse {
  @ApiProperty({ type: String, format: 'date' })
  prioritisedOn!: string;

  @ApiProperty({ type: String })
  note!: string;
}

export class DerivedGoalResponse extends GoalRefResponse {
  @ApiProperty({ type: String, format: 'date' })
  definedOn!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The goal’s status now (active, retired, replaced); null while the goals read model has not caught up.' })
  status!: string | null;
}

export class ItemResponse {
  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: 'integer' })
  position!: number;

  @ApiProperty({ type: String })
  dimensionKey!: string;

  @ApiProperty({ type: String })
  themeKey!: string;

  @ApiProperty({ type: () => LabelResponse, nullable: true })
  theme!: LabelResponse | null;

  @ApiProperty({ type: () => LabelResponse, nullable: true })
  text!: LabelResponse | null;

  @ApiProperty({ type: () => ItemYourRatingResponse, nullable: true, description: 'The viewer’s own rating, if they rate in this round.' })
  yourRating!: ItemYourRatingResponse | null;

  @ApiProperty({ type: () => ItemResultResponse, nullable: true, description: 'Once the round is closed: the distribution, median and divergence; null while open.' })
  result!: ItemResultResponse | null;

  @ApiProperty({ type: () => [ItemRatingResponse], description: 'Once the round is closed: every rating, with the rater’s name in a named round, without in an anonymous one.' })
  ratings!: ItemRatingResponse[];

  @ApiProperty({ type: () => ItemPriorityResponse, nullable: true })
  priority!: ItemPriorityResponse | null;

  @ApiProperty({ type: () => [DerivedGoalResponse] })
  derivedGoals!: DerivedGoalResponse[];
}

export class AssessmentResponse extends PickType(AssessmentSummaryResponse, ['id', 'cycleId', 'visibility', 'status', 'openedOn', 'closedOn', 'raters'] as const) {
  @ApiProperty({ type: String, format: 'uuid' })
  networkId!: string;

  @ApiProperty({ type: () => AssessmentFrameworkResponse })
  framework!: AssessmentFrameworkResponse;

  @ApiProperty({ type: () => [AssessmentDimensionResponse] })
  dimensions!: AssessmentDimensionResponse[];

  @ApiProperty({ type: 'integer', description: 'How many raters have submitted ratings so far.' })
  submitted!: number;

  @ApiProperty({ type: Boolean })
  youRate!: boolean;

  @ApiProperty({ type: () => [AssessmentRatingScaleResponse] })
  ratingScale!: AssessmentRatingScaleResponse[];

  @ApiProperty({ type: () => [ItemResponse] })
  items!: ItemResponse[];

  @ApiProperty({ type: 'integer' })
  version!: number;
}

export class AgendaEntryResponse extends IntersectionType(
  PickType(ItemResponse, ['key', 'text', 'theme'] as const),
  PickType(ItemResultResponse, ['counts', 'cannotJudge', 'median', 'divergence'] as const),
) {
  @ApiProperty({ type: 'integer' })
  rank!: number;

  @ApiProperty({ type: 'integer' })
  rated!: number;

  @ApiProperty({ type: Boolean })
  prioritised!: boolean;
}

export class AgendaResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  assessmentId!: string;

  @ApiProperty({ type: () => [AgendaEntryResponse] })
  items!: AgendaEntryResponse[];
}

export class RoundRefResponse extends PickType(AssessmentSummaryResponse, ['cycleId', 'openedOn', 'closedOn'] as const) {
  @ApiProperty({ type: String, format: 'uuid' })
  assessmentId!: string;
}

export class ComparisonItemBeforeResponse extends PickType(ItemResultResponse, ['rated', 'cannotJudge', 'median', 'divergence'] as const) {}

export class ComparisonItemResponse extends PickType(ItemResponse, ['key', 'text'] as const) {
  @ApiProperty({ type: () => ComparisonItemBeforeResponse })
  before!: ComparisonItemBeforeResponse;

  @ApiProperty({ type: () => ComparisonItemBeforeResponse })
  after!: ComparisonItemBeforeResponse;

  @ApiProperty({ type: Number, nullable: true })
  medianChange!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  divergenceChange!: number | null;

  @ApiProperty({ type: () => [DerivedGoalResponse], description: 'Goals the earlier round’s priority on this item was turned into.' })
  goalsFromEarlierRound!: DerivedGoalResponse[];
}

export class AssessmentComparisonResponse {
  @ApiProperty({ type: () => RoundRefResponse })
  earlier!: RoundRefResponse;

  @ApiProperty({ type: () => RoundRefResponse })
  later!: RoundRefResponse;

  @ApiProperty({ type: () => [ComparisonItemResponse] })
  items!: ComparisonItemResponse[];

  @ApiProperty({ type: [String] })
  onlyInEarlier!: string[];

  @ApiProperty({ type: [String] })
  onlyInLater!: string[];
}

/** A development goal (Entwicklungsziel) of a theme: what a self-assessment round rates. Its key is stored in ratings. */
export class FrameworkGoalResponse {
  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: () => LabelResponse })
  text!: LabelResponse;
}

export class FrameworkThemeResponse {
  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: () => LabelResponse })
  title!: LabelResponse;

  @ApiProperty({ type: () => [FrameworkGoalResponse] })
  goals!: FrameworkGoalResponse[];
}

/** A quality dimension: its themes with their development goals. A dimension present only by name has no themes yet. */
export class FrameworkDimensionResponse {
  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: 'integer' })
  number!: number;

  @ApiProperty({ type: () => LabelResponse })
  title!: LabelResponse;

  @ApiProperty({ type: () => LabelResponse, nullable: true })
  description!: LabelResponse | null;

  @ApiProperty({ type: () => [LabelResponse], description: '"Zentrale Fragen im Überblick": the questions the dimension asks.' })
  keyQuestions!: LabelResponse[];

  @ApiProperty({ type: () => [FrameworkThemeResponse] })
  themes!: FrameworkThemeResponse[];

  @ApiProperty({ type: () => [FrameworkGoalResponse] })
  strategicQuestions!: FrameworkGoalResponse[];
}

export class FrameworkVersionResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  frameworkId!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: String, enum: ['shipped', 'published'], description: '`shipped`: a code constant of this service; `published`: published by an administrator as an event.' })
  source!: 'shipped' | 'published';

  @ApiProperty({ type: String, format: 'date', nullable: true })
  publishedOn!: string | null;

  @ApiProperty({ type: () => LabelResponse })
  title!: LabelResponse;

  @ApiProperty({ type: () => [FrameworkDimensionResponse] })
  dimensions!: FrameworkDimensionResponse[];
}

export class FrameworkSummaryVersionDimensionResponse extends PickType(FrameworkDimensionResponse, ['key', 'number', 'title'] as const) {
  @ApiProperty({ type: 'integer' })
  developmentGoals!: number;
}

export class FrameworkSummaryVersionResponse extends PickType(FrameworkVersionResponse, ['version', 'publishedOn'] as const) {
  @ApiProperty({ type: String, enum: ['shipped', 'published'] })
  source!: 'shipped' | 'published';

  @ApiProperty({ type: () => [FrameworkSummaryVersionDimensionResponse] })
  dimensions!: FrameworkSummaryVersionDimensionResponse[];
}

export class FrameworkSummaryResponse extends PickType(FrameworkVersionResponse, ['frameworkId', 'title'] as const) {
  @ApiProperty({ type: () => [FrameworkSummaryVersionResponse] })
  versions!: FrameworkSummaryVersionResponse[];
}

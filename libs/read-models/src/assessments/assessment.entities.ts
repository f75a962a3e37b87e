import { FrameworkDimension, FrameworkItem, Label, Rating, Visibility } from '@kreislauf/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A published version of a quality framework (shipped versions are code constants and have no row). */
@Entity({ name: 'rm_framework_versions' })
export class FrameworkVersionRow {
  @PrimaryColumn({ name: 'framework_id', type: 'uuid' })
  frameworkId!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ name: 'published_on', type: 'date' })
  publishedOn!: string;

  @Column({ type: 'jsonb' })
  title!: Label;

  @Column({ type: 'jsonb' })
  dimensions!: FrameworkDimension[];
}

/** One self-assessment round: who rates what, and whether it is open. */
@Entity({ name: 'rm_assessments' })
@Index(['networkId', 'openedOn'])
export class AssessmentRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @Column({ name: 'framework_id', type: 'uuid' })
  frameworkId!: string;

  @Column({ name: 'framework_version', type: 'int' })
  frameworkVersion!: number;

  @Column({ name: 'dimension_keys', type: 'jsonb' })
  dimensionKeys!: string[];

  @Column({ type: 'jsonb' })
  raters!: string[];

  @Column({ type: 'text' })
  visibility!: Visibility;

  @Column({ type: 'text' })
  status!: 'open' | 'closed';

  @Column({ name: 'opened_on', type: 'date' })
  openedOn!: string;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  /** The raters who have submitted at least one rating, in the order they first did. */
  @Column({ name: 'submitted_by', type: 'jsonb' })
  submittedBy!: string[];

  /** The assessment stream's version this row reflects: events at or below it were applied. */
  @Column({ type: 'int' })
  version!: number;
}

/** A rater's current rating of one development goal (a revision replaces it). */
@Entity({ name: 'rm_assessment_ratings' })
export class AssessmentRatingRow {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ name: 'rater_id', type: 'text' })
  raterId!: string;

  @PrimaryColumn({ name: 'item_key', type: 'text' })
  itemKey!: string;

  @Column({ name: 'rater_name', type: 'text', nullable: true })
  raterName!: string | null;

  @Column({ type: 'text' })
  rating!: Rating;

  @Column({ type: 'text' })
  comment!: string;

  @Column({ name: 'rated_on', type: 'date' })
  ratedOn!: string;
}

/** One development goal of a round: its place, its result over the current ratings, and whether it is a priority. */
@Entity({ name: 'rm_assessment_items' })
export class AssessmentItemRow implements FrameworkItem {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ name: 'dimension_key', type: 'text' })
  dimensionKey!: string;

  @Column({ name: 'theme_key', type: 'text' })
  themeKey!: string;

  @Column({ type: 'jsonb' })
  counts!: Record<Rating, number>;

  @Column({ type: 'int' })
  rated!: number;

  @Column({ name: 'cannot_judge', type: 'int' })
  cannotJudge!: number;

  @Column({ type: 'double precision', nullable: true })
  median!: number | null;

  /** Leik's ordinal dispersion, 0 (agreement) to 1 (split between both ends). */
  @Column({ type: 'double precision', nullable: true })
  divergence!: number | null;

  @Column({ name: 'prioritised_on', type: 'date', nullable: true })
  prioritisedOn!: string | null;

  @Column({ name: 'priority_note', type: 'text', nullable: true })
  priorityNote!: string | null;
}

/** A goal defined from a priority of a round: the link from the development goal to the goal of the cycle. */
@Entity({ name: 'rm_assessment_item_goals' })
@Index(['assessmentId', 'itemKey'])
export class AssessmentItemGoalRow {
  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId!: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @Column({ name: 'item_key', type: 'text' })
  itemKey!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @Column({ type: 'text' })
  level!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'defined_on', type: 'date' })
  definedOn!: string;
}

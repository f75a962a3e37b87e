import { GoalIndicatorView, GoalMeasureView, GoalReorientationView, GoalReviewView, GoalView } from '@kreislauf/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The parts of a goal's row, as the domain's goal view defines them. */
export type IndicatorView = GoalIndicatorView;
export type MeasureView = GoalMeasureView;
export type ReviewView = GoalReviewView;
export type ReorientationView = GoalReorientationView;

/** One row per goal: the cycle board, the goal detail and the reviews due read from it. */
@Entity({ name: 'rm_goals' })
@Index(['networkId', 'cycleId'])
@Index(['networkId', 'nextReviewOn'])
export class GoalRow implements GoalView {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  /** The goal's latest cycle: where it was defined, or the last cycle that carried it over. */
  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  /** Every cycle the goal belonged to, in order. */
  @Column({ name: 'cycle_ids', type: 'jsonb' })
  cycleIds!: string[];

  /** Keys of the Leitbild's guiding principles a strategic goal serves. */
  @Column({ name: 'principle_keys', type: 'jsonb' })
  principleKeys!: string[];

  /** The decision the definition rests on. */
  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId!: string | null;

  @Column({ name: 'parent_goal_id', type: 'uuid', nullable: true })
  parentGoalId!: string | null;

  @Column({ type: 'text' })
  level!: 'strategic' | 'operational';

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'quality_goals', type: 'jsonb' })
  qualityGoals!: string[];

  @Column({ name: 'life_phase', type: 'text', nullable: true })
  lifePhase!: string | null;

  @Column({ type: 'text', nullable: true })
  district!: string | null;

  @Column({ name: 'review_interval_days', type: 'int' })
  reviewIntervalDays!: number;

  @Column({ type: 'text' })
  status!: 'active' | 'retired' | 'replaced';

  @Column({ name: 'defined_on', type: 'date' })
  definedOn!: string;

  @Column({ name: 'last_review_on', type: 'date', nullable: true })
  lastReviewOn!: string | null;

  @Column({ name: 'last_assessment', type: 'text', nullable: true })
  lastAssessment!: string | null;

  @Column({ name: 'next_review_on', type: 'date', nullable: true })
  nextReviewOn!: string | null;

  /** Average of the indicators' progress; null without indicators. */
  @Column({ name: 'progress_percent', type: 'double precision', nullable: true })
  progressPercent!: number | null;

  @Column({ type: 'jsonb' })
  indicators!: IndicatorView[];

  @Column({ type: 'jsonb' })
  measures!: MeasureView[];

  @Column({ type: 'jsonb' })
  reviews!: ReviewView[];

  @Column({ type: 'jsonb' })
  reorientations!: ReorientationView[];

  @Column({ name: 'replaces_goal_id', type: 'uuid', nullable: true })
  replacesGoalId!: string | null;

  @Column({ name: 'replaced_by_goal_id', type: 'uuid', nullable: true })
  replacedByGoalId!: string | null;

  @Column({ type: 'int' })
  version!: number;
}

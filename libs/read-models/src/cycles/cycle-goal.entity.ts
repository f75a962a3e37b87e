import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface CycleReviewView {
  reviewedOn: string;
  assessment: string;
  decisionId: string | null;
}

export interface CycleReorientationView {
  reorientedOn: string;
  decision: string;
  rationale: string;
  replacementGoalId: string | null;
  decisionId: string | null;
}

/** A goal in one cycle: defined in it or carried over into it, and what happened to it there. */
@Entity({ name: 'rm_cycle_goals' })
export class CycleGoalRow {
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ type: 'text' })
  level!: string;

  @Column({ type: 'text' })
  title!: string;

  /** `defined` in this cycle, `replacement` of a goal replaced in it, or `carried_over` from the cycle before. */
  @Column({ type: 'text' })
  origin!: 'defined' | 'replacement' | 'carried_over';

  @Column({ type: 'text' })
  status!: string;

  /** Whether this is the goal's latest cycle, where its events go. */
  @Column({ type: 'boolean' })
  current!: boolean;

  @Column({ type: 'jsonb' })
  reviews!: CycleReviewView[];

  @Column({ type: 'jsonb' })
  reorientations!: CycleReorientationView[];

  /** The goal stream's version applied so far. */
  @Column({ name: 'goal_version', type: 'int' })
  goalVersion!: number;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every event of a goal, with who, when (business and record time) and why. */
@Entity({ name: 'rm_goal_history' })
@Index(['goalId', 'streamVersion'], { unique: true })
export class GoalHistoryRow {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ name: 'stream_version', type: 'int' })
  streamVersion!: number;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'occurred_at', type: 'text' })
  occurredAt!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'jsonb' })
  actor!: { userId: string; displayName?: string; role: string };

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  /** The version of the data's shape: readers upcast it to today's, as they upcast stored events. */
  @Column({ name: 'schema_version', type: 'int' })
  schemaVersion!: number;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;
}

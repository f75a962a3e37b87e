import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per event of a network: who did what when (business and record time) and why, with a one-line
 * summary in German and English. Holds no event data, so no personal data reaches it.
 */
@Entity({ name: 'rm_audit_log' })
@Index(['networkId', 'positionCommit', 'positionPrepare'])
@Index(['streamId', 'positionCommit', 'positionPrepare'])
export class AuditLogRow {
  /** The event's global position: the key, the order of the log and its cursor. Bigints come back as strings. */
  @PrimaryColumn({ name: 'position_commit', type: 'bigint' })
  positionCommit!: string;

  @PrimaryColumn({ name: 'position_prepare', type: 'bigint' })
  positionPrepare!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ name: 'stream_version', type: 'int' })
  streamVersion!: number;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  /** Business time as the event states it. */
  @Column({ name: 'occurred_at', type: 'text' })
  occurredAt!: string;

  /** The day of occurredAt, for the period filter; null when occurredAt is no date. */
  @Column({ name: 'occurred_on', type: 'date', nullable: true })
  occurredOn!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'actor_user_id', type: 'text' })
  actorUserId!: string;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'summary_de', type: 'text' })
  summaryDe!: string;

  @Column({ name: 'summary_en', type: 'text' })
  summaryEn!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}

/**
 * What the summaries call things by: the title of a goal, cycle, meeting or offer, the name of an
 * organisation, body or network, the name of a goal's indicator (`<goalId>/<key>`). Each row keeps the
 * position of the event that set it, so that a replayed older event does not set it back.
 */
@Entity({ name: 'rm_audit_subjects' })
export class AuditSubjectRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'position_commit', type: 'bigint' })
  positionCommit!: string;

  @Column({ name: 'position_prepare', type: 'bigint' })
  positionPrepare!: string;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every decision a body took, with the meeting and the body: what goals, reviews and Leitbild adoptions may rest on. */
@Entity({ name: 'rm_decisions' })
@Index(['networkId', 'decidedOn'])
export class DecisionRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ name: 'body_name', type: 'text' })
  bodyName!: string;

  @Column({ name: 'body_kind', type: 'text' })
  bodyKind!: string;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  subject!: string;
}

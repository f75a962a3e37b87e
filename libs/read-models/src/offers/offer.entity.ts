import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per offer: its current content, and when it was withdrawn. */
@Entity({ name: 'rm_offers' })
@Index(['networkId', 'startsOn'])
export class OfferRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'provider_organisation_id', type: 'uuid' })
  providerOrganisationId!: string;

  @Column({ name: 'life_phases', type: 'jsonb' })
  lifePhases!: string[];

  @Column({ type: 'jsonb' })
  districts!: string[];

  @Column({ name: 'target_groups', type: 'jsonb' })
  targetGroups!: string[];

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'text' })
  status!: 'listed' | 'withdrawn';

  @Column({ name: 'listed_on', type: 'date' })
  listedOn!: string;

  @Column({ name: 'revised_on', type: 'date', nullable: true })
  revisedOn!: string | null;

  @Column({ name: 'withdrawn_on', type: 'date', nullable: true })
  withdrawnOn!: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  /** The offer stream's version this row reflects: events at or below it were applied. */
  @Column({ type: 'int' })
  version!: number;
}

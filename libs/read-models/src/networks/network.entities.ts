import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'rm_networks' })
export class NetworkRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ name: 'responsible_body', type: 'text' })
  responsibleBody!: string;

  @Column({ type: 'jsonb' })
  municipalities!: string[];

  @Column({ type: 'text', nullable: true })
  programme!: string | null;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;

  @Column({ name: 'open_cycle_id', type: 'uuid', nullable: true })
  openCycleId!: string | null;

  /** The network stream's version this row reflects: events at or below it were applied. */
  @Column({ type: 'int' })
  version!: number;
}

export interface PhaseEntry {
  phase: string;
  enteredOn: string;
}

@Entity({ name: 'rm_cycles' })
@Index(['networkId'])
export class CycleRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn!: string;

  @Column({ type: 'text' })
  status!: 'open' | 'closed';

  @Column({ name: 'current_phase', type: 'text', nullable: true })
  currentPhase!: string | null;

  @Column({ type: 'jsonb' })
  phases!: PhaseEntry[];

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;
}

/** A role granted in a network; roles carried by a token are not listed here. */
@Entity({ name: 'rm_network_roles' })
@Index(['userId'])
export class NetworkRoleRow {
  @PrimaryColumn({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  role!: string;

  @Column({ name: 'granted_on', type: 'date' })
  grantedOn!: string;
}

/** Every version of a network's Leitbild: drafts, the one in force, and those it superseded. */
@Entity({ name: 'rm_leitbild_versions' })
export class LeitbildVersionRow {
  @PrimaryColumn({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ name: 'revises_version', type: 'int', nullable: true })
  revisesVersion!: number | null;

  @Column({ type: 'text' })
  vision!: string;

  @Column({ type: 'jsonb' })
  principles!: { key: string; text: string }[];

  @Column({ name: 'drafted_on', type: 'date' })
  draftedOn!: string;

  @Column({ type: 'text' })
  status!: 'draft' | 'in_force' | 'superseded';

  @Column({ name: 'adopted_on', type: 'date', nullable: true })
  adoptedOn!: string | null;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId!: string | null;

  @Column({ name: 'superseded_on', type: 'date', nullable: true })
  supersededOn!: string | null;
}

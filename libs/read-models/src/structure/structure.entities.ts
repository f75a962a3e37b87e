import { BodyMember, OrganisationDescription, SealedPersonalData } from '@kreislauf/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A description of an organisation as it holds from a day on (joining or a later description). */
export interface OrganisationDescriptionView extends OrganisationDescription {
  since: string;
}

/** One row per member organisation, current or former, with every description it had. */
@Entity({ name: 'rm_organisations' })
@Index(['networkId', 'joinedOn'])
export class OrganisationRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  sector!: string;

  @Column({ name: 'named_in_kkg', type: 'boolean' })
  namedInKkg!: boolean;

  @Column({ type: 'text' })
  tasks!: string;

  @Column({ type: 'text' })
  mandates!: string;

  @Column({ type: 'text' })
  roles!: string;

  @Column({ type: 'text' })
  resources!: string;

  @Column({ type: 'text' })
  limits!: string;

  /** Sealed: queries open it. */
  @Column({ name: 'contact_person', type: 'jsonb', nullable: true })
  contactPerson!: SealedPersonalData | null;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn!: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn!: string | null;

  @Column({ name: 'left_reason', type: 'text', nullable: true })
  leftReason!: string | null;

  /** Every description by the day it holds from, oldest first; the columns above show the latest. */
  @Column({ type: 'jsonb' })
  descriptions!: OrganisationDescriptionView[];

  @Column({ type: 'int' })
  version!: number;
}

export interface BodyMembershipView {
  since: string;
  members: BodyMember[];
}

/** One row per body, with its members now and over time. */
@Entity({ name: 'rm_bodies' })
@Index(['networkId'])
export class BodyRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'meetings_per_year', type: 'int' })
  meetingsPerYear!: number;

  /** The current members, representatives sealed. */
  @Column({ type: 'jsonb' })
  members!: BodyMember[];

  /** Every member list by the day it holds from, oldest first. */
  @Column({ name: 'member_history', type: 'jsonb' })
  memberHistory!: BodyMembershipView[];

  @Column({ name: 'established_on', type: 'date' })
  establishedOn!: string;

  @Column({ name: 'dissolved_on', type: 'date', nullable: true })
  dissolvedOn!: string | null;

  @Column({ name: 'dissolved_reason', type: 'text', nullable: true })
  dissolvedReason!: string | null;

  @Column({ type: 'int' })
  version!: number;
}

export interface TopicView {
  topicId: string;
  title: string;
  description: string;
  proposedByOrganisationId: string | null;
  proposedOn: string;
}

export interface MeetingDecisionView {
  decisionId: string;
  text: string;
  subject: string;
  topicId: string | null;
  decidedOn: string;
}

/** One row per meeting with its topics, attendance and decisions. */
@Entity({ name: 'rm_meetings' })
@Index(['bodyId', 'scheduledFor'])
@Index(['networkId'])
export class MeetingRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'scheduled_for', type: 'date' })
  scheduledFor!: string;

  /** Sealed: the person who collects topics beforehand. */
  @Column({ name: 'contact_person', type: 'jsonb', nullable: true })
  contactPerson!: SealedPersonalData | null;

  @Column({ type: 'jsonb' })
  topics!: TopicView[];

  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn!: string | null;

  @Column({ type: 'jsonb' })
  attendance!: string[];

  @Column({ type: 'jsonb' })
  decisions!: MeetingDecisionView[];

  @Column({ type: 'int' })
  version!: number;
}

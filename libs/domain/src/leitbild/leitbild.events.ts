import { DomainEvent, IsoDate } from '../domain-event';
import { Principle } from './leitbild.commands';

export type LeitbildDrafted = DomainEvent<
  'LeitbildDrafted',
  { version: number; revisesVersion: number | null; vision: string; principles: Principle[]; draftedOn: IsoDate }
>;

/** The version is in force from now on; the one in force before (if any) is superseded. */
export type LeitbildAdopted = DomainEvent<'LeitbildAdopted', { version: number; adoptedOn: IsoDate; decisionId: string; supersedesVersion: number | null }>;

import { DomainEvent, IsoDate } from '../domain-event';
import { Principle } from './leitbild.commands';

export interface LeitbildDraftedData {
  version: number;
  revisesVersion: number | null;
  vision: string;
  principles: Principle[];
  draftedOn: IsoDate;
}

export interface LeitbildAdoptedData {
  version: number;
  adoptedOn: IsoDate;
  decisionId: string;
  supersedesVersion: number | null;
}

export type LeitbildDrafted = DomainEvent<'LeitbildDrafted', LeitbildDraftedData>;

/** The version is in force from now on; the one in force before (if any) is superseded. */
export type LeitbildAdopted = DomainEvent<'LeitbildAdopted', LeitbildAdoptedData>;

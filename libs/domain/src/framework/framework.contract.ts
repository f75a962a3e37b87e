import { FrameworkDimension, Label } from '../catalogues/quality-framework';
import { DomainEvent, IsoDate } from '../domain-event';
import { EventContract, FIRST_VERSION } from '../event-contract';

// The stored shape of each framework event. These types are the stored format: a field changes only with a
// new schema version and an upcaster from the version before.

/** A published version carries its whole content: old versions stay as they were. */
export interface FrameworkVersionPublishedData {
  frameworkId: string;
  version: number;
  title: Label;
  dimensions: FrameworkDimension[];
  publishedOn: IsoDate;
}

export type FrameworkVersionPublished = DomainEvent<'FrameworkVersionPublished', FrameworkVersionPublishedData>;

export type FrameworkEvent = FrameworkVersionPublished;

export const frameworkEventRegistry = {
  FrameworkVersionPublished: FIRST_VERSION,
} as const satisfies Record<FrameworkEvent['type'], EventContract>;

export const FRAMEWORK_EVENT_TYPES = Object.keys(frameworkEventRegistry) as FrameworkEvent['type'][];

/** The versions an administrator published of one framework live in its stream. */
export const frameworkStreamOf = (frameworkId: string): string => `framework-${frameworkId}`;

import { DomainEvent, IsoDate } from '../domain-event';
import { EventContract, FIRST_VERSION } from '../event-contract';

// The stored shape of each person event. These types are the stored format: a field changes only with a new
// schema version and an upcaster from the version before.

/** A person's key was deleted: what events carried of their data can no longer be read. */
export interface PersonalDataErasedData {
  personId: string;
  /** The network the person was named in; null for a person whom no event of a network names. */
  networkId: string | null;
  erasedOn: IsoDate;
}

export type PersonalDataErased = DomainEvent<'PersonalDataErased', PersonalDataErasedData>;

export type PersonEvent = PersonalDataErased;

export const personEventRegistry = {
  PersonalDataErased: FIRST_VERSION,
} as const satisfies Record<PersonEvent['type'], EventContract>;

export const PERSON_EVENT_TYPES = Object.keys(personEventRegistry) as PersonEvent['type'][];

/** What was done to a person's data as a whole lives in their stream; their data itself travels sealed in other events. */
export const personStreamOf = (personId: string): string => `person-${personId}`;

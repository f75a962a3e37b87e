import { DomainEvent, IsoDate } from '../domain-event';

/** A person's key was deleted: what events carried of their data can no longer be read. */
export type PersonalDataErased = DomainEvent<'PersonalDataErased', { personId: string; networkId: string | null; erasedOn: IsoDate }>;

export type PersonEvent = PersonalDataErased;

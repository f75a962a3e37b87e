import { Decider } from '../domain-event';
import { PersonCommand } from './person.commands';
import { ErasureReasonMissing, PersonalDataErasedAlready } from './person.errors';
import { PersonalDataErasedData, PersonEvent, personEventRegistry } from './person.contract';

/** A person's stream holds only what was done to their data as a whole; their data itself travels sealed in other events. */
export type PersonState = { status: 'known' } | { status: 'erased'; erasedOn: string };

export function decidePerson(command: PersonCommand, state: PersonState): PersonEvent[] {
  if (state.status === 'erased') throw new PersonalDataErasedAlready(command.personId, state.erasedOn);
  if (command.reason.trim() === '') throw new ErasureReasonMissing(command.personId);
  const erased: PersonalDataErasedData = { personId: command.personId, networkId: command.networkId, erasedOn: command.erasedOn };
  return [{ type: 'PersonalDataErased', schemaVersion: personEventRegistry.PersonalDataErased.version, data: erased }];
}

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  return event.type === 'PersonalDataErased' ? { status: 'erased', erasedOn: event.data.erasedOn } : state;
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  decide: decidePerson,
  evolve: evolvePerson,
  initialState: { status: 'known' },
};

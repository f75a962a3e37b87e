import { Decider } from '../domain-event';
import { PersonCommand } from './person.commands';
import { ErasureReasonMissing, PersonalDataErasedAlready } from './person.errors';
import { PersonEvent } from './person.events';

/** A person's stream holds only what was done to their data as a whole; their data itself travels sealed in other events. */
export type PersonState = { status: 'known' } | { status: 'erased'; erasedOn: string };

export function decidePerson(command: PersonCommand, state: PersonState): PersonEvent[] {
  if (state.status === 'erased') throw new PersonalDataErasedAlready(command.personId, state.erasedOn);
  if (command.reason.trim() === '') throw new ErasureReasonMissing(command.personId);
  return [{ type: 'PersonalDataErased', schemaVersion: 1, data: { personId: command.personId, networkId: command.networkId, erasedOn: command.erasedOn } }];
}

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  return event.type === 'PersonalDataErased' ? { status: 'erased', erasedOn: event.data.erasedOn } : state;
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  decide: decidePerson,
  evolve: evolvePerson,
  initialState: { status: 'known' },
};

import { ErasePersonalData } from './person.commands';
import { personDecider } from './person.decider';
import { ErasureReasonMissing, PersonalDataErasedAlready } from './person.errors';

const erase: ErasePersonalData = {
  type: 'ErasePersonalData',
  personId: '0b0e0000-0000-4000-8000-000000000001',
  networkId: '5d1e2f00-0000-4000-8000-000000000001',
  erasedOn: '2026-11-25',
  reason: 'Antrag nach Art. 17 DSGVO',
};

describe('person decider', () => {
  it('records the erasure of a person’s data once', () => {
    const events = personDecider.decide(erase, personDecider.initialState);
    expect(events).toEqual([
      { type: 'PersonalDataErased', schemaVersion: 1, data: { personId: erase.personId, networkId: erase.networkId, erasedOn: '2026-11-25' } },
    ]);
    const erased = events.reduce(personDecider.evolve, personDecider.initialState);
    expect(() => personDecider.decide(erase, erased)).toThrow(PersonalDataErasedAlready);
  });

  it('needs a reason', () => {
    expect(() => personDecider.decide({ ...erase, reason: '  ' }, personDecider.initialState)).toThrow(ErasureReasonMissing);
  });
});

import { AGGREGATE_EVENT_REGISTRIES, EVENT_REGISTRY, EVENT_TYPES } from './event-registry';
import { EventContract } from './event-contract';
import { EVENT_SAMPLES, StoredSample } from './testing/event-samples';
import { EVENT_TITLES } from './texts';
import { upcast } from './upcasters';

const contracts: [string, EventContract][] = Object.entries(EVENT_REGISTRY);

describe('the event contracts', () => {
  for (const [type, contract] of contracts) {
    it(`${type} has an upcaster from every stored version 1..${contract.version - 1} and reaches version ${contract.version}`, () => {
      for (let version = 1; version < contract.version; version += 1) {
        expect(typeof contract.upcasters[version]).toBe('function');
        const upcasted = upcast({ type, schemaVersion: version, data: { kept: 'stored value' } });
        expect(upcasted.schemaVersion).toBe(contract.version);
        // Stored fields win over the defaults a later version added.
        expect(upcasted.data.kept).toBe('stored value');
      }
      const current = { type, schemaVersion: contract.version, data: { kept: 'x' } };
      expect(upcast(current)).toBe(current);
    });
  }

  it('has every aggregate’s event types once, and nothing else', () => {
    const types = Object.values(AGGREGATE_EVENT_REGISTRIES).flatMap((registry) => Object.keys(registry));
    expect(new Set(types).size).toBe(types.length);
    expect([...EVENT_TYPES].sort()).toEqual([...types].sort());
    expect([...EVENT_TYPES].sort()).toEqual(Object.keys(EVENT_TITLES).sort());
  });

  it('refuses an event whose stored version has no upcaster rather than guessing its shape', () => {
    expect(() => upcast({ type: 'GoalDefined', schemaVersion: 0, data: {} })).toThrow('No upcaster for GoalDefined from version 0');
  });

  it('passes an event of a type no aggregate registers as it is', () => {
    const foreign = { type: 'SomethingElse', schemaVersion: 1, data: { a: 1 } };
    expect(upcast(foreign)).toBe(foreign);
  });
});

describe('the event samples', () => {
  it('have a sample of every event type, and of every version it was stored in', () => {
    expect(Object.keys(EVENT_SAMPLES).sort()).toEqual([...EVENT_TYPES].sort());
    for (const [type, contract] of contracts) {
      const stored = EVENT_SAMPLES[type as keyof typeof EVENT_SAMPLES].stored as Record<number, StoredSample>;
      expect(Object.keys(stored).map(Number).sort()).toEqual(Array.from({ length: contract.version - 1 }, (_, index) => index + 1));
    }
  });

  for (const [type, contract] of contracts) {
    for (let version = 1; version < contract.version; version += 1) {
      it(`${type} as version ${version} stored it upcasts to the current version's fields`, () => {
        const sample = EVENT_SAMPLES[type as keyof typeof EVENT_SAMPLES];
        const stored = (sample.stored as Record<number, StoredSample>)[version];
        const upcasted = upcast({ type, schemaVersion: version, data: structuredClone(stored.data) });
        expect(upcasted.schemaVersion).toBe(contract.version);
        expect(Object.keys(upcasted.data).sort()).toEqual(Object.keys(sample.data).sort());
        // What the old version stored stays as it was.
        expect(upcasted.data).toMatchObject(stored.data);
      });
    }
  }
});

import { goalEventRegistry } from './goal/goal.contract';
import { networkEventRegistry } from './network/network.contract';
import { upcast, VERSIONED_EVENT_CONTRACTS } from './upcasters';

const registries = { goal: goalEventRegistry, network: networkEventRegistry };

describe('the event contracts', () => {
  for (const [aggregate, registry] of Object.entries(registries)) {
    for (const [type, contract] of Object.entries(registry)) {
      it(`${aggregate}: ${type} has an upcaster from every stored version 1..${contract.version - 1} and reaches version ${contract.version}`, () => {
        for (let version = 1; version < contract.version; version += 1) {
          expect(typeof (contract.upcasters as Record<number, unknown>)[version]).toBe('function');
          const upcasted = upcast({ type, schemaVersion: version, data: { kept: 'stored value' } });
          expect(upcasted.schemaVersion).toBe(contract.version);
          // Stored fields win over the defaults a later version added.
          expect(upcasted.data.kept).toBe('stored value');
        }
        const current = { type, schemaVersion: contract.version, data: { kept: 'x' } };
        expect(upcast(current)).toBe(current);
      });
    }
  }

  it('lists each versioned event type once, from its aggregate’s registry', () => {
    const types = [...Object.keys(goalEventRegistry), ...Object.keys(networkEventRegistry)];
    expect(new Set(types).size).toBe(types.length);
    expect(Object.keys(VERSIONED_EVENT_CONTRACTS).sort()).toEqual([...types].sort());
  });

  it('refuses an event whose stored version has no upcaster rather than guessing its shape', () => {
    expect(() => upcast({ type: 'GoalDefined', schemaVersion: 0, data: {} })).toThrow('No upcaster for GoalDefined from version 0');
  });
});

import { upcast } from './upcasters';

describe('upcast', () => {
  it('brings version 1 of a goal definition to version 2: no decision, no principles', () => {
    const stored = { type: 'GoalDefined', schemaVersion: 1, data: { title: 'Elternbeteiligung stärken' } };

    expect(upcast(stored)).toEqual({ type: 'GoalDefined', schemaVersion: 2, data: { title: 'Elternbeteiligung stärken', decisionId: null, principleKeys: [] } });
  });

  it('brings version 1 of a review, a reorientation and the cycle events forward', () => {
    expect(upcast({ type: 'GoalReviewed', schemaVersion: 1, data: { assessment: 'on_track' } }).data).toEqual({ assessment: 'on_track', decisionId: null });
    expect(upcast({ type: 'GoalReoriented', schemaVersion: 1, data: { decision: 'continue' } }).data).toEqual({ decision: 'continue', decisionId: null });
    expect(upcast({ type: 'CycleOpened', schemaVersion: 1, data: { cycleId: 'c' } }).data).toEqual({ cycleId: 'c', carriedOverGoalIds: [] });
    expect(upcast({ type: 'CycleClosed', schemaVersion: 1, data: { cycleId: 'c' } }).data).toEqual({ cycleId: 'c', carriedOverGoalIds: [] });
  });

  it('leaves version 2 as stored, even where a field looks missing: it switches on the version, not the shape', () => {
    const stored = { type: 'GoalDefined', schemaVersion: 2, data: { title: 'x' } };

    expect(upcast(stored)).toBe(stored);
  });

  it('leaves event types without a newer version as they are', () => {
    const stored = { type: 'MeasurementRecorded', schemaVersion: 1, data: { value: 3 } };

    expect(upcast(stored)).toBe(stored);
  });
});

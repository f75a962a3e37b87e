import { upcast } from './upcasters';

describe('upcast', () => {
  it('brings version 1 of a goal definition through version 2 to version 3: no decision, no principles, no source item', () => {
    const stored = { type: 'GoalDefined', schemaVersion: 1, data: { title: 'Elternbeteiligung stärken' } };

    expect(upcast(stored)).toEqual({
      type: 'GoalDefined',
      schemaVersion: 3,
      data: { title: 'Elternbeteiligung stärken', decisionId: null, principleKeys: [], sourceItem: null },
    });
  });

  it('brings version 2 of a goal definition to version 3 and keeps what version 2 stored', () => {
    const stored = { type: 'GoalDefined', schemaVersion: 2, data: { title: 'x', decisionId: 'd1', principleKeys: ['P1'] } };

    expect(upcast(stored)).toEqual({ type: 'GoalDefined', schemaVersion: 3, data: { title: 'x', decisionId: 'd1', principleKeys: ['P1'], sourceItem: null } });
  });

  it('brings version 1 of a review, a reorientation and the cycle events to version 2, their latest', () => {
    expect(upcast({ type: 'GoalReviewed', schemaVersion: 1, data: { assessment: 'on_track' } })).toEqual({
      type: 'GoalReviewed',
      schemaVersion: 2,
      data: { assessment: 'on_track', decisionId: null },
    });
    expect(upcast({ type: 'GoalReoriented', schemaVersion: 1, data: { decision: 'continue' } }).data).toEqual({ decision: 'continue', decisionId: null });
    expect(upcast({ type: 'CycleOpened', schemaVersion: 1, data: { cycleId: 'c' } }).data).toEqual({ cycleId: 'c', carriedOverGoalIds: [] });
    expect(upcast({ type: 'CycleClosed', schemaVersion: 1, data: { cycleId: 'c' } }).data).toEqual({ cycleId: 'c', carriedOverGoalIds: [] });
  });

  it('leaves the latest version as stored, even where a field looks missing: it switches on the version, not the shape', () => {
    const definition = { type: 'GoalDefined', schemaVersion: 3, data: { title: 'x' } };
    const review = { type: 'GoalReviewed', schemaVersion: 2, data: { assessment: 'on_track' } };

    expect(upcast(definition)).toBe(definition);
    expect(upcast(review)).toBe(review);
  });

  it('leaves event types without a newer version as they are', () => {
    const stored = { type: 'MeasurementRecorded', schemaVersion: 1, data: { value: 3 } };

    expect(upcast(stored)).toBe(stored);
  });
});

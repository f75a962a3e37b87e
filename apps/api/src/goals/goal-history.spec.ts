import { GoalHistoryRow } from '@kreislauf/read-models';
import { goalHistoryEntries } from './goal-history';

const GOAL = '6f1c2a54-0000-4000-8000-000000000001';
const actor = { userId: 'u-coord', displayName: 'Anna Koordination', role: 'coordinator' };

function row(streamVersion: number, eventType: string, schemaVersion: number, occurredAt: string, data: Record<string, unknown>, reason: string | null = null): GoalHistoryRow {
  return Object.assign(new GoalHistoryRow(), {
    eventId: `00000000-0000-4000-8000-00000000000${streamVersion}`,
    goalId: GOAL,
    networkId: 'n-1',
    streamVersion,
    eventType,
    schemaVersion,
    occurredAt,
    recordedAt: new Date('2026-03-20T12:00:00Z'),
    actor,
    reason,
    correlationId: `c-${streamVersion}`,
    data,
  });
}

// A definition and a review as an old release stored them (schema version 1), then an adjustment of today.
const rows = [
  row(0, 'GoalDefined', 1, '2026-03-10', {
    networkId: 'n-1',
    cycleId: 'c-1',
    level: 'operational',
    parentGoalId: null,
    title: 'Väter erreichen',
    description: '',
    qualityGoals: ['participation'],
    lifePhase: null,
    district: null,
    reviewIntervalDays: 90,
    definedOn: '2026-03-10',
    replacesGoalId: null,
  }),
  row(1, 'GoalReviewed', 1, '2026-06-01', { reviewedOn: '2026-06-01', assessment: 'at_risk', evidence: 'Teilnahmelisten' }),
  row(2, 'GoalReoriented', 2, '2026-06-02', { decision: 'adjust', rationale: 'Enger prüfen', reorientedOn: '2026-06-02', changes: { reviewIntervalDays: 60 }, replacementGoalId: null, decisionId: null }, 'Enger prüfen'),
];

describe('the entries of a goal history', () => {
  it('tells each event typed by its type, from the upcast event: who, when, what changed and why', () => {
    const entries = goalHistoryEntries(rows, -1, new Map());
    expect(entries.map((entry) => entry.type)).toEqual(['GoalDefined', 'GoalReviewed', 'GoalReoriented']);
    expect(entries[0]).toMatchObject({
      version: 0,
      occurredAt: '2026-03-10',
      recordedAt: '2026-03-20T12:00:00.000Z',
      actor: { userId: 'u-coord', name: 'Anna Koordination', role: 'coordinator' },
      reason: null,
      decision: null,
      change: { title: 'Väter erreichen', principleKeys: [], sourceItem: null },
    });
    expect(entries[1].change).toEqual({ reviewedOn: '2026-06-01', assessment: 'at_risk', evidence: 'Teilnahmelisten' });
    expect(entries[2]).toMatchObject({
      reason: 'Enger prüfen',
      change: { decision: 'adjust', adjusted: { before: { reviewIntervalDays: 90 }, after: { reviewIntervalDays: 60 } }, replacementGoalId: null, status: 'active' },
    });
  });

  it('gives only the entries after a version, each still told against the goal before it', () => {
    const entries = goalHistoryEntries(rows, 1, new Map());
    expect(entries.map((entry) => entry.version)).toEqual([2]);
    expect(entries[0]).toMatchObject({ change: { adjusted: { before: { reviewIntervalDays: 90 } } } });
  });
});

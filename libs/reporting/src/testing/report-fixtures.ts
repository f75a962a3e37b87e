import { GoalEvent, goalEventRegistry } from '@kreislauf/domain';
import { GoalEventRecord, ProgressReportData } from '../report-data';

/** Small hand-made report data for the specs of the builders and renderers. */

let version = new Map<string, number>();

export function resetVersions(): void {
  version = new Map();
}

/** A goal event at today's schema version, recorded by the coordinator. */
export function goalEvent(goalId: string, type: GoalEvent['type'], occurredOn: string, data: Record<string, unknown>): GoalEventRecord {
  const next = version.get(goalId) ?? 0;
  version.set(goalId, next + 1);
  return { goalId, version: next, type, schemaVersion: goalEventRegistry[type].version, occurredOn, actor: 'Anna Koordination', data };
}

export function defined(goalId: string, title: string, on: string, extra: Record<string, unknown> = {}): GoalEventRecord {
  return goalEvent(goalId, 'GoalDefined', on, {
    networkId: 'n-1',
    cycleId: 'c-1',
    level: 'operational',
    parentGoalId: null,
    title,
    description: '',
    qualityGoals: ['participation'],
    lifePhase: null,
    district: null,
    reviewIntervalDays: 90,
    definedOn: on,
    replacesGoalId: null,
    decisionId: null,
    principleKeys: [],
    sourceItem: null,
    ...extra,
  });
}

export function concretised(goalId: string, on: string, indicator: { key: string; baseline: number; target: number; direction?: 'increase' | 'decrease' }): GoalEventRecord {
  return goalEvent(goalId, 'GoalConcretised', on, {
    indicators: [{ name: `Indikator ${indicator.key}`, unit: 'Anzahl', direction: 'increase', dueOn: '2026-12-31', impactLevel: 'output', ...indicator }],
    measures: [],
    concretisedOn: on,
  });
}

export function measured(goalId: string, indicatorKey: string, value: number, on: string): GoalEventRecord {
  return goalEvent(goalId, 'MeasurementRecorded', on, { indicatorKey, value, measuredOn: on, source: 'Erhebung' });
}

export function reviewed(goalId: string, on: string, assessment: string, decisionId: string | null = null): GoalEventRecord {
  return goalEvent(goalId, 'GoalReviewed', on, { reviewedOn: on, assessment, evidence: 'Protokoll', decisionId });
}

export function reoriented(goalId: string, on: string, decision: string, extra: Record<string, unknown> = {}): GoalEventRecord {
  return goalEvent(goalId, 'GoalReoriented', on, { decision, rationale: 'Begründung', reorientedOn: on, changes: null, replacementGoalId: null, decisionId: null, ...extra });
}

export function baseData(goalEvents: GoalEventRecord[], period = { from: '2026-01-01', to: '2026-12-31' }): ProgressReportData {
  return {
    period,
    network: { id: 'n-1', name: 'Netzwerk Frühe Hilfen', region: 'Kreis Viersen', responsibleBody: 'Kreisjugendamt', municipalities: ['Viersen'], programme: null, registeredOn: '2016-01-01' },
    cycles: [],
    leitbildVersions: [],
    goalEvents,
    decisions: [],
    bodies: [],
    meetings: [],
    organisations: [],
    offerLandscape: { on: period.to, districts: ['Viersen'], offers: 0, cells: 6, coveredCells: 0, gaps: [], duplicates: [] },
  };
}

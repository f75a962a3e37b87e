import { buildProgrammeHistory, buildProgressReport } from '@kreislauf/reporting';
import Ajv from 'ajv';
import { asJsonSchema, PROGRAMME_HISTORY_SCHEMA, PROGRESS_REPORT_SCHEMA } from './report-schemas';

const ajv = new Ajv({ allErrors: true, strict: false, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } });
const validProgress = ajv.compile(asJsonSchema(PROGRESS_REPORT_SCHEMA));
const validHistory = ajv.compile(asJsonSchema(PROGRAMME_HISTORY_SCHEMA));

const decision = { id: 'd-1', meetingId: 'm-1', bodyId: 'b-1', bodyName: 'Steuerungsgruppe', bodyKind: 'steering_group', decidedOn: '2026-02-01', subject: 'goal_definition', text: 'Ziele beschlossen' };
// Definitions as stored at schema version 1 (no principles, no source item), the rest at today's versions.
const STORED_VERSIONS: Record<string, number> = { GoalDefined: 1, GoalConcretised: 1, MeasurementRecorded: 1, GoalReviewed: 2, GoalReoriented: 2 };
const event = (goalId: string, version: number, type: string, occurredOn: string, data: Record<string, unknown>) => ({
  goalId,
  version,
  type,
  schemaVersion: STORED_VERSIONS[type],
  occurredOn,
  actor: 'Anna Koordination',
  data,
});
const goalEvents = [
  event('s', 0, 'GoalDefined', '2026-02-01', { cycleId: 'c', level: 'strategic', parentGoalId: null, title: 'S', description: '', qualityGoals: ['outreach'], lifePhase: null, district: null, reviewIntervalDays: 90, definedOn: '2026-02-01', replacesGoalId: null, decisionId: 'd-1' }),
  event('o', 0, 'GoalDefined', '2026-02-01', { cycleId: 'c', level: 'operational', parentGoalId: 's', title: 'O', description: '', qualityGoals: [], lifePhase: 'age_0_3', district: 'Kalk', reviewIntervalDays: 90, definedOn: '2026-02-01', replacesGoalId: null, decisionId: null }),
  event('o', 1, 'GoalConcretised', '2026-02-02', { indicators: [{ key: 'k', name: 'K', unit: 'u', baseline: 1, target: 3, direction: 'increase', dueOn: '2026-12-31', impactLevel: 'output' }], measures: [], concretisedOn: '2026-02-02' }),
  event('o', 2, 'MeasurementRecorded', '2026-05-01', { indicatorKey: 'k', value: 2, measuredOn: '2026-05-01', source: 'Liste' }),
  event('o', 3, 'GoalReviewed', '2026-06-01', { reviewedOn: '2026-06-01', assessment: 'on_track', evidence: 'E', decisionId: null }),
  event('o', 4, 'GoalReoriented', '2026-06-02', { decision: 'replace', rationale: 'R', reorientedOn: '2026-06-02', changes: null, replacementGoalId: 'r', decisionId: 'd-1' }),
  event('r', 0, 'GoalDefined', '2026-06-02', { cycleId: 'c', level: 'operational', parentGoalId: 's', title: 'R', description: '', qualityGoals: [], lifePhase: null, district: null, reviewIntervalDays: 90, definedOn: '2026-06-02', replacesGoalId: 'o', decisionId: null }),
];
const period = { from: '2026-01-01', to: '2026-12-31' };
const network = { id: 'n', name: 'N', region: 'R', responsibleBody: 'J', municipalities: ['Kalk'], programme: null, registeredOn: '2016-01-01' };

describe('the OpenAPI schemas of the report models', () => {
  it('describe a progress report with every part filled, field for field', () => {
    const report = buildProgressReport(
      {
        period,
        network,
        cycles: [{ id: 'c', title: 'Zyklus', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-05', closedOn: null, phases: [{ phase: 'leitbild', enteredOn: '2026-01-06' }] }],
        leitbildVersions: [{ version: 1, revisesVersion: null, vision: 'V', principles: [{ key: 'P1', text: 'T' }], draftedOn: '2026-01-01', adoptedOn: '2026-02-01', decisionId: 'd-1' }],
        goalEvents,
        decisions: [decision],
        bodies: [{ id: 'b-1', kind: 'steering_group', name: 'Steuerungsgruppe', meetingsPerYear: 5, establishedOn: '2020-01-01', dissolvedOn: null }],
        meetings: [{ id: 'm-1', bodyId: 'b-1', title: 'Sitzung', heldOn: '2026-02-01' }],
        organisations: [{ id: 'x', name: 'Kita', sector: 'day_care', joinedOn: '2026-03-01', leftOn: '2026-09-01', leftReason: null }],
        offerLandscape: { on: '2026-12-31', districts: ['Kalk'], offers: 2, cells: 6, coveredCells: 1, gaps: [{ lifePhase: 'pregnancy', district: 'Kalk' }], duplicates: [{ lifePhase: 'age_0_3', district: 'Kalk', targetGroup: 'Eltern', offers: [{ id: 'a', title: 'A', provider: null }] }] },
      },
      'de',
    );
    expect(validProgress(report) ? [] : validProgress.errors).toEqual([]);
    expect(validProgress({ ...report, unexpected: true })).toBe(false);
  });

  it('describe a programme history', () => {
    const history = buildProgrammeHistory({ period, network, cycles: [], leitbildVersions: [], goalEvents, decisions: [decision] }, 'en');
    expect(history.entries.length).toBeGreaterThan(3);
    expect(validHistory(history) ? [] : validHistory.errors).toEqual([]);
  });
});

import { goalStatesOn } from './goal-states';
import { buildProgressReport, indicatorReport } from './progress-report';
import { baseData, concretised, defined, measured, reoriented, resetVersions, reviewed } from './testing/report-fixtures';

const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

describe('goal states on a day', () => {
  beforeEach(resetVersions);

  it('folds only what happened by that day, and applies an adjustment from its date on', () => {
    const events = [
      defined('g-1', 'Familiencafés anbieten', '2026-02-01'),
      reviewed('g-1', '2026-06-01', 'at_risk'),
      reoriented('g-1', '2026-06-02', 'adjust', { changes: { title: 'Familiencafés in allen Kommunen', reviewIntervalDays: 60 } }),
      reoriented('g-1', '2026-09-01', 'retire'),
    ];
    expect(goalStatesOn(events, '2026-01-31').size).toBe(0);
    expect(goalStatesOn(events, '2026-06-01').get('g-1')).toMatchObject({ title: 'Familiencafés anbieten', status: 'active', reviews: [{ assessment: 'at_risk' }] });
    expect(goalStatesOn(events, '2026-06-02').get('g-1')).toMatchObject({ title: 'Familiencafés in allen Kommunen', status: 'active' });
    expect(goalStatesOn(events, '2026-12-31').get('g-1')).toMatchObject({ status: 'retired', endedOn: '2026-09-01' });
    expect(goalStatesOn(events, '2026-12-31').get('g-1')!.reorientations.map((act) => act.titleBefore)).toEqual(['Familiencafés anbieten', 'Familiencafés in allen Kommunen']);
  });

  it('orders measurements by date whatever order they were recorded in', () => {
    const events = [defined('g-1', 'Ziel', '2026-01-01'), concretised('g-1', '2026-01-02', { key: 'k', baseline: 0, target: 10 }), measured('g-1', 'k', 8, '2026-09-01'), measured('g-1', 'k', 3, '2026-03-01')];
    expect(goalStatesOn(events, '2026-12-31').get('g-1')!.indicators[0].measurements.map((m) => m.value)).toEqual([3, 8]);
  });
});

describe('an indicator over a period', () => {
  const indicator = (measurements: [number, string][], direction: 'increase' | 'decrease' = 'increase', baseline = 6, target = 12) => ({
    key: 'k',
    name: 'Kitas',
    unit: 'Kitas',
    baseline,
    target,
    direction,
    dueOn: '2026-12-31',
    impactLevel: 'output',
    measurements: measurements.map(([value, measuredOn]) => ({ value, measuredOn, source: 'Liste' })),
  });

  it('starts from the last value before the period and ends with the last one in it: 6 → 12, from 7 to 9 is 50 %, +2, improving', () => {
    const report = indicatorReport(indicator([[7, '2025-10-01'], [8, '2026-04-01'], [9, '2026-10-01'], [11, '2027-02-01']]), PERIOD, 'de');
    expect(report).toMatchObject({ startValue: 7, latestValue: 9, latestMeasuredOn: '2026-10-01', progressPercent: 50, changeInPeriod: 2, trend: { key: 'improving', label: 'verbessert' } });
    expect(report.points).toEqual([
      { on: '2026-01-01', value: 7 },
      { on: '2026-04-01', value: 8 },
      { on: '2026-10-01', value: 9 },
    ]);
  });

  it('counts a falling value as improving where the target lies below: 42 → 14 days, 35 is 25 %', () => {
    expect(indicatorReport(indicator([[35, '2026-06-30']], 'decrease', 42, 14), PERIOD, 'en')).toMatchObject({ progressPercent: 25, changeInPeriod: -7, trend: { key: 'improving', label: 'improving' } });
    expect(indicatorReport(indicator([[45, '2026-06-30']], 'decrease', 42, 14), PERIOD, 'en')).toMatchObject({ progressPercent: 0, trend: { key: 'worsening' } });
  });

  it('says so when nothing was measured, and when nothing changed', () => {
    expect(indicatorReport(indicator([]), PERIOD, 'de')).toMatchObject({ latestValue: null, progressPercent: 0, changeInPeriod: null, trend: { key: 'no_data', label: 'keine Messwerte' }, points: [{ on: '2026-01-01', value: 6 }] });
    expect(indicatorReport(indicator([[9, '2025-06-01']]), PERIOD, 'de')).toMatchObject({ startValue: 9, latestValue: 9, changeInPeriod: 0, trend: { key: 'steady' }, progressPercent: 50 });
  });

  it('rounds progress to one decimal and caps it at 100: 1 of 3 steps is 33.3 %, beyond the target 100 %', () => {
    expect(indicatorReport(indicator([[7, '2026-02-01']], 'increase', 6, 9), PERIOD, 'de').progressPercent).toBe(33.3);
    expect(indicatorReport(indicator([[15, '2026-02-01']]), PERIOD, 'de').progressPercent).toBe(100);
    expect(indicatorReport(indicator([[0.3, '2026-02-01']], 'increase', 0.1, 0.2), PERIOD, 'de').changeInPeriod).toBe(0.2);
  });
});

describe('the progress report model', () => {
  beforeEach(resetVersions);

  function scenario() {
    return [
      defined('s-1', 'Familien früh erreichen', '2026-02-01', { level: 'strategic', qualityGoals: ['outreach'] }),
      defined('o-1', 'Kitas gewinnen', '2026-02-01', { parentGoalId: 's-1', qualityGoals: ['multiprofessional_cooperation'] }),
      concretised('o-1', '2026-02-02', { key: 'kitas', baseline: 6, target: 12 }),
      measured('o-1', 'kitas', 9, '2026-06-30'),
      defined('o-2', 'Wartezeit verkürzen', '2026-02-01', { parentGoalId: 's-1', qualityGoals: [] }),
      concretised('o-2', '2026-02-02', { key: 'days', baseline: 40, target: 20, direction: 'decrease' }),
      measured('o-2', 'days', 35, '2026-06-30'),
      reviewed('o-2', '2026-07-01', 'off_track'),
      // Ended before the period: not in the report.
      defined('old', 'Altes Ziel', '2025-02-01'),
      reoriented('old', '2025-12-31', 'retire'),
      // Defined after the period: not in the report.
      defined('later', 'Späteres Ziel', '2027-01-10'),
    ];
  }

  it('counts the goals of the period and their progress: o-1 50 %, o-2 25 %, average 37.5 %', () => {
    const report = buildProgressReport(baseData(scenario()), 'de');
    expect(report.summary).toMatchObject({ goals: 3, activeGoals: 3, retiredGoals: 0, replacedGoals: 0, averageProgressPercent: 37.5, reviews: 1 });
    expect(report.goals.map((goal) => [goal.id, goal.progressPercent, goal.children.map((child) => [child.id, child.progressPercent])])).toEqual([
      ['s-1', 37.5, [['o-1', 50], ['o-2', 25]]],
    ]);
    expect(report.qualityGoals.find((group) => group.key === 'none')!.goals.map((goal) => goal.id)).toEqual(['o-2']);
    expect(report.statusDistribution.find((item) => item.key === 'not_reviewed')!.count).toBe(2);
  });

  it('is the same report for the same data in any order', () => {
    const events = scenario();
    const shuffled = [...events].reverse();
    expect(JSON.stringify(buildProgressReport(baseData(shuffled), 'de'))).toBe(JSON.stringify(buildProgressReport(baseData(events), 'de')));
  });

  it('takes the Leitbild adopted last by the end of the period', () => {
    const data = baseData([]);
    data.leitbildVersions = [
      { version: 1, revisesVersion: null, vision: 'Erste Fassung', principles: [{ key: 'P1', text: 'Mitwirken' }], draftedOn: '2020-01-01', adoptedOn: '2020-02-01', decisionId: null },
      { version: 2, revisesVersion: 1, vision: 'Zweite Fassung', principles: [], draftedOn: '2026-03-01', adoptedOn: '2026-04-01', decisionId: 'd-1' },
      { version: 3, revisesVersion: 2, vision: 'Dritte Fassung', principles: [], draftedOn: '2026-05-01', adoptedOn: '2027-01-05', decisionId: null },
      { version: 4, revisesVersion: 3, vision: 'Entwurf', principles: [], draftedOn: '2026-06-01', adoptedOn: null, decisionId: null },
    ];
    data.decisions = [{ id: 'd-1', meetingId: 'm', bodyId: 'b', bodyName: 'Plenum Kalk', bodyKind: 'plenary', decidedOn: '2026-04-01', subject: 'leitbild_adoption', text: 'Beschlossen' }];
    expect(buildProgressReport(data, 'en').leitbild).toEqual({
      version: 2,
      vision: 'Zweite Fassung',
      principles: [],
      adoptedOn: '2026-04-01',
      adoptedInPeriod: true,
      decision: { id: 'd-1', decidedOn: '2026-04-01', bodyName: 'Plenum Kalk', bodyKind: { key: 'plenary', label: 'plenary' }, text: 'Beschlossen' },
    });
    expect(buildProgressReport({ ...data, period: { from: '2025-01-01', to: '2025-12-31' } }, 'de').leitbild).toMatchObject({ version: 1, adoptedInPeriod: false });
  });

  it('measures each body against its cadence over the days it existed in the period', () => {
    const data = baseData([]);
    data.bodies = [
      { id: 'b-1', kind: 'working_group', name: 'AK Übergänge', meetingsPerYear: 6, establishedOn: '2026-04-01', dissolvedOn: '2026-10-01' },
      { id: 'b-2', kind: 'plenary', name: 'Plenum', meetingsPerYear: 4, establishedOn: '2016-01-01', dissolvedOn: null },
      { id: 'b-3', kind: 'working_group', name: 'AK aufgelöst', meetingsPerYear: 4, establishedOn: '2016-01-01', dissolvedOn: '2025-12-31' },
    ];
    data.meetings = [
      { id: 'm-1', bodyId: 'b-1', title: 'AK 1', heldOn: '2026-05-01' },
      { id: 'm-2', bodyId: 'b-1', title: 'AK 2', heldOn: '2026-07-01' },
      { id: 'm-3', bodyId: 'b-1', title: 'AK 3', heldOn: '2026-09-01' },
      { id: 'm-4', bodyId: 'b-2', title: 'Plenum', heldOn: '2026-03-01' },
    ];
    const bodies = buildProgressReport(data, 'de').bodies;
    // Plenum: 365 days → 4 expected, 1 held. AK: 2026-04-01 … 2026-09-30 = 183 days → ⌊6 · 183 / 365⌋ = ⌊3.008⌋ = 3, 3 held.
    expect(bodies.map((body) => [body.name, body.kind.label, body.windowFrom, body.windowTo, body.expected, body.held, body.belowCadence])).toEqual([
      ['Plenum', 'Plenum', '2026-01-01', '2026-12-31', 4, 1, true],
      ['AK Übergänge', 'Arbeitskreis', '2026-04-01', '2026-09-30', 3, 3, false],
    ]);
    expect(bodies[1].meetings.map((meeting) => meeting.heldOn)).toEqual(['2026-05-01', '2026-07-01', '2026-09-01']);
  });

  it('lists the organisations that joined or left in the period, with their sector', () => {
    const data = baseData([]);
    data.organisations = [
      { id: 'o-b', name: 'Kita Sonnenschein', sector: 'day_care', joinedOn: '2026-03-01', leftOn: null, leftReason: null },
      { id: 'o-a', name: 'Beratungsstelle', sector: 'family_counselling', joinedOn: '2026-03-01', leftOn: null, leftReason: null },
      { id: 'o-c', name: 'Wohnungsbau eG', sector: 'housing', joinedOn: '2019-01-01', leftOn: '2026-08-31', leftReason: 'Fusion' },
    ];
    const { organisations } = buildProgressReport(data, 'en');
    expect(organisations.joined.map((organisation) => [organisation.name, organisation.sector.label])).toEqual([
      ['Beratungsstelle', 'Family counselling'],
      ['Kita Sonnenschein', 'Day care'],
    ]);
    expect(organisations.left).toEqual([{ id: 'o-c', name: 'Wohnungsbau eG', sector: { key: 'housing', label: 'Housing' }, leftOn: '2026-08-31', reason: 'Fusion' }]);
  });

  it('names cycles and phases that touch the period, with the state at its end', () => {
    const data = baseData([]);
    data.cycles = [
      { id: 'c-2', title: 'Zyklus 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-10', closedOn: null, phases: [{ phase: 'leitbild', enteredOn: '2026-01-20' }, { phase: 'steering', enteredOn: '2027-02-01' }] },
      { id: 'c-1', title: 'Zyklus 2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', openedOn: '2025-01-10', closedOn: '2026-01-05', phases: [{ phase: 'reflection', enteredOn: '2025-10-01' }] },
      { id: 'c-0', title: 'Zyklus 2024', periodFrom: '2024-01-01', periodTo: '2024-12-31', openedOn: '2024-01-10', closedOn: '2025-01-05', phases: [] },
    ];
    const cycles = buildProgressReport(data, 'de').cycles;
    expect(cycles.map((cycle) => [cycle.id, cycle.statusAtEnd.key, cycle.closedOn, cycle.phaseAtEnd?.key ?? null, cycle.phases.map((phase) => [phase.key, phase.inPeriod])])).toEqual([
      ['c-1', 'closed', '2026-01-05', 'reflection', [['reflection', false]]],
      ['c-2', 'open', null, 'leitbild', [['leitbild', true]]],
    ]);
  });
});

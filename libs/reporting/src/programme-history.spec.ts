import { buildProgrammeHistory } from './programme-history';
import { defined, reoriented, resetVersions, reviewed } from './testing/report-fixtures';

describe('the programme history', () => {
  beforeEach(resetVersions);

  const decision = { id: 'd-1', meetingId: 'm-1', bodyId: 'b-1', bodyName: 'Steuerungsgruppe', bodyKind: 'steering_group', decidedOn: '2026-09-10', subject: 'goal_reorientation', text: 'Neuausrichtung' };

  function data(period = { from: '2026-01-01', to: '2026-12-31' }) {
    return {
      period,
      network: { id: 'n-1', name: 'Netzwerk', region: 'Region', responsibleBody: 'Jugendamt', municipalities: [], programme: 'kinderstark', registeredOn: '2016-01-01' },
      cycles: [{ id: 'c-1', title: 'Zyklus 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-10', closedOn: '2026-12-20', phases: [{ phase: 'steering', enteredOn: '2026-02-01' }] }],
      leitbildVersions: [{ version: 1, revisesVersion: null, vision: 'Jedes Kind', principles: [], draftedOn: '2025-12-01', adoptedOn: '2026-01-15', decisionId: null }],
      goalEvents: [
        defined('g-1', 'Familiencafés anbieten', '2026-02-01'),
        reviewed('g-1', '2026-09-01', 'on_track'),
        reoriented('g-1', '2026-09-10', 'adjust', { changes: { title: 'Familiencafés überall', qualityGoals: ['equity'] }, decisionId: 'd-1' }),
        reoriented('g-1', '2026-09-10', 'replace', { replacementGoalId: 'g-2', decisionId: 'd-1' }),
        defined('g-2', 'Väter erreichen', '2026-09-10', { replacesGoalId: 'g-1' }),
      ],
      decisions: [decision],
    };
  }

  it('dates every act, in order, each goal named as it was called then', () => {
    const history = buildProgrammeHistory(data(), 'de');
    expect(history.entries.map((entry) => [entry.on, entry.kind.key, entry.subject.title])).toEqual([
      ['2026-01-10', 'cycle_opened', 'Zyklus 2026'],
      ['2026-01-15', 'leitbild_adopted', 'Jedes Kind'],
      ['2026-02-01', 'cycle_phase_entered', 'Zyklus 2026'],
      ['2026-02-01', 'goal_defined', 'Familiencafés anbieten'],
      ['2026-09-01', 'goal_reviewed', 'Familiencafés anbieten'],
      ['2026-09-10', 'goal_defined', 'Väter erreichen'],
      ['2026-09-10', 'goal_adjusted', 'Familiencafés anbieten'],
      ['2026-09-10', 'goal_replaced', 'Familiencafés überall'],
      ['2026-12-20', 'cycle_closed', 'Zyklus 2026'],
    ]);
    expect(history.summary).toMatchObject({ goal_defined: 2, goal_adjusted: 1, goal_replaced: 1, leitbild_drafted: 0 });
  });

  it('gives the decision behind each act, and a replacement the decision that replaced its predecessor', () => {
    const entries = buildProgrammeHistory(data(), 'en').entries;
    const adjusted = entries.find((entry) => entry.kind.key === 'goal_adjusted')!;
    expect(adjusted.decision).toEqual({ id: 'd-1', decidedOn: '2026-09-10', bodyName: 'Steuerungsgruppe', bodyKind: { key: 'steering_group', label: 'steering group' }, text: 'Neuausrichtung' });
    expect(adjusted.changes).toEqual([
      { field: { key: 'title', label: 'Title' }, value: 'Familiencafés überall' },
      { field: { key: 'qualityGoals', label: 'Quality goals' }, value: 'Treat unequal things unequally' },
    ]);
    const replacement = entries.find((entry) => entry.kind.key === 'goal_defined' && entry.subject.id === 'g-2')!;
    expect(replacement).toMatchObject({ relatedGoal: { id: 'g-1', title: 'Familiencafés überall' }, decision: { id: 'd-1' } });
    expect(entries.find((entry) => entry.kind.key === 'goal_replaced')!.relatedGoal).toEqual({ id: 'g-2', title: 'Väter erreichen' });
  });

  it('keeps to the period', () => {
    const history = buildProgrammeHistory(data({ from: '2026-09-01', to: '2026-09-09' }), 'de');
    expect(history.entries.map((entry) => entry.kind.key)).toEqual(['goal_reviewed']);
    expect(history.entries[0].assessment).toEqual({ key: 'on_track', label: 'auf Kurs' });
  });
});

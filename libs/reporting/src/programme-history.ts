import { compare, goalStatesOn } from './goal-states';
import { DecisionReference, decisionReference, GoalChange, goalChanges, Labelled, labelled } from './progress-report';
import { ProgrammeHistoryData, ReportPeriod } from './report-data';
import { ASSESSMENT_LABELS, cyclePhaseLabel, GOAL_LEVEL_LABELS, HISTORY_KIND_LABELS, labelOf, ReportLanguage } from './texts';

export type HistoryEntryKind = keyof typeof HISTORY_KIND_LABELS;

/** What an entry is about: a cycle, a version of the Leitbild, or a goal. */
export interface HistorySubject {
  type: 'cycle' | 'leitbild' | 'goal';
  id: string;
  title: string;
}

export interface HistoryEntry {
  on: string;
  kind: Labelled & { key: HistoryEntryKind };
  subject: HistorySubject;
  /** For a goal: its level. */
  level: Labelled | null;
  /** A phase entered. */
  phase: Labelled | null;
  /** A review's assessment and evidence. */
  assessment: Labelled | null;
  evidence: string | null;
  /** A reorientation's rationale and, for an adjustment, what changed. */
  rationale: string | null;
  changes: GoalChange[];
  /** A goal that replaces another names it; a replaced goal names its successor. */
  relatedGoal: { id: string; title: string | null } | null;
  /** A cycle's term, when it opens. */
  term: { from: string; to: string } | null;
  /** The Leitbild version an adoption supersedes. */
  supersedesVersion: number | null;
  decision: DecisionReference | null;
}

export interface ProgrammeHistory {
  report: 'history';
  language: ReportLanguage;
  period: ReportPeriod;
  network: { id: string; name: string; region: string; responsibleBody: string; programme: string | null };
  summary: Record<HistoryEntryKind, number>;
  entries: HistoryEntry[];
}

const KIND_ORDER = Object.keys(HISTORY_KIND_LABELS) as HistoryEntryKind[];

const byText = (a: string, b: string) => a.localeCompare(b, 'de') || compare(a, b);

/**
 * The programme's dated timeline for funders: cycles and their phases, Leitbild versions, goals defined,
 * reviewed and reoriented, each with the body's decision behind it. Pure: same data, same history.
 */
export function buildProgrammeHistory(data: ProgrammeHistoryData, language: ReportLanguage): ProgrammeHistory {
  const { period } = data;
  const within = (date: string | null): date is string => date !== null && date >= period.from && date <= period.to;
  const decisions = new Map(data.decisions.map((decision) => [decision.id, decision]));
  const reference = (id: string | null) => (id === null ? null : decisionReference(decisions.get(id), language));
  const entries: (HistoryEntry & { order: number })[] = [];
  const add = (on: string, kind: HistoryEntryKind, subject: HistorySubject, fields: Partial<HistoryEntry>, order = 0) =>
    entries.push({
      on,
      kind: { key: kind, label: labelOf(HISTORY_KIND_LABELS, kind, language) },
      subject,
      level: null,
      phase: null,
      assessment: null,
      evidence: null,
      rationale: null,
      changes: [],
      relatedGoal: null,
      term: null,
      supersedesVersion: null,
      decision: null,
      ...fields,
      order,
    });

  for (const cycle of data.cycles) {
    const subject: HistorySubject = { type: 'cycle', id: cycle.id, title: cycle.title };
    if (within(cycle.openedOn)) add(cycle.openedOn, 'cycle_opened', subject, { term: { from: cycle.periodFrom, to: cycle.periodTo } });
    cycle.phases.forEach((phase, index) => {
      if (within(phase.enteredOn)) add(phase.enteredOn, 'cycle_phase_entered', subject, { phase: { key: phase.phase, label: cyclePhaseLabel(phase.phase, language) } }, index);
    });
    if (within(cycle.closedOn)) add(cycle.closedOn, 'cycle_closed', subject, {});
  }

  const adoptions = data.leitbildVersions.filter((version) => version.adoptedOn !== null).sort((a, b) => compare(a.adoptedOn!, b.adoptedOn!) || a.version - b.version);
  for (const version of data.leitbildVersions) {
    const subject: HistorySubject = { type: 'leitbild', id: String(version.version), title: version.vision };
    if (within(version.draftedOn)) add(version.draftedOn, 'leitbild_drafted', subject, { supersedesVersion: version.revisesVersion }, version.version);
    if (within(version.adoptedOn)) {
      const previous = adoptions[adoptions.findIndex((adoption) => adoption.version === version.version) - 1];
      add(version.adoptedOn, 'leitbild_adopted', subject, { supersedesVersion: previous?.version ?? null, decision: reference(version.decisionId) }, version.version);
    }
  }

  // Goal titles as they stand at the end of the period name the goals a replacement links.
  const goals = goalStatesOn(data.goalEvents, period.to);
  const titleOf = (id: string | null) => (id === null ? null : (goals.get(id)?.title ?? null));
  const replacedBy = new Map<string, string | null>();
  for (const goal of goals.values()) {
    for (const act of goal.reorientations) if (act.replacementGoalId) replacedBy.set(act.replacementGoalId, act.decisionId);
  }
  for (const goal of goals.values()) {
    const level = labelled(GOAL_LEVEL_LABELS, goal.level, language);
    const subject = (title: string): HistorySubject => ({ type: 'goal', id: goal.id, title });
    const firstTitle = goal.reorientations[0]?.titleBefore ?? goal.title;
    if (within(goal.definedOn)) {
      add(goal.definedOn, 'goal_defined', subject(firstTitle), {
        level,
        relatedGoal: goal.replacesGoalId ? { id: goal.replacesGoalId, title: titleOf(goal.replacesGoalId) } : null,
        // A replacement rests on the decision of the reorientation that replaced its predecessor.
        decision: reference(goal.decisionId ?? replacedBy.get(goal.id) ?? null),
      }, goal.definedVersion);
    }
    // A review names the goal by the title it had then: the one before the next adjustment.
    const titleAt = (version: number) => goal.reorientations.find((act) => act.version > version)?.titleBefore ?? goal.title;
    for (const review of goal.reviews) {
      if (!within(review.reviewedOn)) continue;
      add(review.reviewedOn, 'goal_reviewed', subject(titleAt(review.version)), {
        level,
        assessment: labelled(ASSESSMENT_LABELS, review.assessment, language),
        evidence: review.evidence,
        decision: reference(review.decisionId),
      }, review.version);
    }
    for (const act of goal.reorientations) {
      if (!within(act.reorientedOn)) continue;
      const kind: HistoryEntryKind = act.decision === 'adjust' ? 'goal_adjusted' : act.decision === 'replace' ? 'goal_replaced' : act.decision === 'retire' ? 'goal_retired' : 'goal_continued';
      add(act.reorientedOn, kind, subject(act.titleBefore), {
        level,
        rationale: act.rationale,
        changes: goalChanges(act.changes, language),
        relatedGoal: act.replacementGoalId ? { id: act.replacementGoalId, title: titleOf(act.replacementGoalId) } : null,
        decision: reference(act.decisionId),
      }, act.version);
    }
  }

  entries.sort(
    (a, b) =>
      compare(a.on, b.on) ||
      KIND_ORDER.indexOf(a.kind.key) - KIND_ORDER.indexOf(b.kind.key) ||
      byText(a.subject.title, b.subject.title) ||
      compare(a.subject.id, b.subject.id) ||
      a.order - b.order,
  );
  const summary = Object.fromEntries(KIND_ORDER.map((kind) => [kind, entries.filter((entry) => entry.kind.key === kind).length])) as Record<HistoryEntryKind, number>;
  return {
    report: 'history',
    language,
    period: { from: period.from, to: period.to },
    network: { id: data.network.id, name: data.network.name, region: data.network.region, responsibleBody: data.network.responsibleBody, programme: data.network.programme },
    summary,
    entries: entries.map(({ order: _order, ...entry }) => entry),
  };
}

import { addDays, BODY_KINDS, DECISION_SUBJECTS, KINDERSTARK_QUALITY_GOALS } from '@kreislauf/domain';
import { compare, GoalState, goalStatesOn, IndicatorState } from './goal-states';
import { roundTo } from './locale-format';
import { DecisionRecord, ProgressReportData, ReportPeriod } from './report-data';
import {
  ASSESSMENT_LABELS,
  BODY_KIND_LABELS,
  CYCLE_STATUS_LABELS,
  cyclePhaseLabel,
  DECISION_SUBJECT_LABELS,
  GOAL_FIELD_LABELS,
  GOAL_LEVEL_LABELS,
  GOAL_STATUS_LABELS,
  labelOf,
  lifePhaseLabel,
  qualityGoalLabel,
  REORIENTATION_LABELS,
  ReportLanguage,
  sectorName,
  text,
  TREND_LABELS,
} from './texts';

/** A catalogue entry as the report shows it: the stable key and its label in the report's language. */
export interface Labelled {
  key: string;
  label: string;
}

/** A body's decision an act rests on. */
export interface DecisionReference {
  id: string;
  decidedOn: string;
  bodyName: string;
  bodyKind: Labelled;
  text: string;
}

export interface TrendPoint {
  on: string;
  value: number;
}

export interface IndicatorReport {
  key: string;
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  impactLevel: string;
  dueOn: string;
  baseline: number;
  target: number;
  /** The latest value measured on or before the end of the period; null without a measurement. */
  latestValue: number | null;
  latestMeasuredOn: string | null;
  /** How far from baseline towards target the latest value is, 0–100, one decimal. */
  progressPercent: number;
  /** The value the period started from: the latest measurement before it, or else the baseline. */
  startValue: number;
  /** latestValue − startValue, two decimals; null without a measurement. */
  changeInPeriod: number | null;
  trend: Labelled & { key: 'improving' | 'worsening' | 'steady' | 'no_data' };
  /** The start value, then every measurement in the period by date. */
  points: TrendPoint[];
}

export interface GoalReport {
  id: string;
  level: Labelled;
  title: string;
  description: string;
  status: Labelled;
  qualityGoals: Labelled[];
  lifePhase: Labelled | null;
  district: string | null;
  parentGoalId: string | null;
  definedOn: string;
  endedOn: string | null;
  replacesGoalId: string | null;
  replacedByGoalId: string | null;
  lastAssessment: (Labelled & { reviewedOn: string }) | null;
  /** An operational goal's mean indicator progress; a strategic goal's mean over its active operational goals. One decimal. */
  progressPercent: number | null;
  indicators: IndicatorReport[];
  children: GoalReport[];
}

export interface ReviewReport {
  goalId: string;
  goalTitle: string;
  reviewedOn: string;
  assessment: Labelled;
  evidence: string;
  decision: DecisionReference | null;
}

export interface GoalChange {
  field: Labelled;
  value: string;
}

export interface ReorientationReport {
  goalId: string;
  goalTitle: string;
  reorientedOn: string;
  decision: Labelled;
  rationale: string;
  changes: GoalChange[];
  replacement: { goalId: string; title: string | null } | null;
  bodyDecision: DecisionReference | null;
}

export interface BodyCadenceReport {
  id: string;
  name: string;
  kind: Labelled;
  meetingsPerYear: number;
  /** The part of the period in which the body existed. */
  windowFrom: string;
  windowTo: string;
  /** meetingsPerYear × days of the window ÷ 365, rounded down. */
  expected: number;
  held: number;
  belowCadence: boolean;
  meetings: { title: string; heldOn: string }[];
}

export interface ProgressReport {
  report: 'progress';
  language: ReportLanguage;
  period: ReportPeriod;
  network: { id: string; name: string; region: string; responsibleBody: string; municipalities: string[]; programme: string | null };
  summary: {
    goals: number;
    activeGoals: number;
    retiredGoals: number;
    replacedGoals: number;
    averageProgressPercent: number | null;
    reviews: number;
    reorientations: number;
    decisions: number;
    meetingsHeld: number;
    organisationsJoined: number;
    organisationsLeft: number;
  };
  /** How many of the report's goals stand at each last assessment at the end of the period. */
  statusDistribution: (Labelled & { count: number })[];
  leitbild: {
    version: number;
    vision: string;
    principles: { key: string; text: string }[];
    adoptedOn: string;
    adoptedInPeriod: boolean;
    decision: DecisionReference | null;
  } | null;
  cycles: {
    id: string;
    title: string;
    periodFrom: string;
    periodTo: string;
    openedOn: string;
    closedOn: string | null;
    statusAtEnd: Labelled;
    phaseAtEnd: Labelled | null;
    phases: (Labelled & { enteredOn: string; inPeriod: boolean })[];
  }[];
  /** The seven quality goals in catalogue order, each with the goals tagged with it; last, goals without one. */
  qualityGoals: (Labelled & { goals: { id: string; title: string; level: Labelled; status: Labelled; progressPercent: number | null }[] })[];
  /** Strategic goals with their operational goals; operational goals whose parent is not in the report stand at the top. */
  goals: GoalReport[];
  reviews: ReviewReport[];
  reorientations: ReorientationReport[];
  decisions: (DecisionReference & { subject: Labelled })[];
  bodies: BodyCadenceReport[];
  organisations: {
    joined: { id: string; name: string; sector: Labelled; joinedOn: string }[];
    left: { id: string; name: string; sector: Labelled; leftOn: string; reason: string | null }[];
  };
  offerLandscape: {
    on: string;
    offers: number;
    cells: number;
    coveredCells: number;
    gaps: { lifePhase: Labelled; district: string }[];
    duplicates: { lifePhase: Labelled; district: string; targetGroup: string; offers: { id: string; title: string; provider: string | null }[] }[];
  };
}

const inPeriod = (date: string | null, period: ReportPeriod) => date !== null && date >= period.from && date <= period.to;

const byText = (a: string, b: string) => a.localeCompare(b, 'de') || compare(a, b);

const subjectRank = (subject: string) => {
  const rank = (DECISION_SUBJECTS as readonly string[]).indexOf(subject);
  return rank === -1 ? DECISION_SUBJECTS.length : rank;
};

/** The progress report (Sachbericht) of a network over a period, from plain read-model data. Pure: same data, same report. */
export function buildProgressReport(data: ProgressReportData, language: ReportLanguage): ProgressReport {
  const { period } = data;
  const decisions = new Map(data.decisions.map((decision) => [decision.id, decision]));
  const reference = (id: string | null) => decisionReference(id === null ? undefined : decisions.get(id), language);

  const atEnd = goalStatesOn(data.goalEvents, period.to);
  // A goal belongs to the period when it was defined by its end and had not ended before its start.
  const goals = [...atEnd.values()].filter((goal) => goal.endedOn === null || goal.endedOn >= period.from);
  const reports = new Map(goals.map((goal) => [goal.id, goalReport(goal, period, language)]));
  const tree = goalTree(goals, reports);

  const operational = [...reports.values()].filter((goal) => goal.level.key === 'operational' && goal.status.key === 'active' && goal.progressPercent !== null);
  const reviews = goals
    .flatMap((goal) => goal.reviews.filter((review) => inPeriod(review.reviewedOn, period)).map((review) => ({ goal, review })))
    .sort((a, b) => compare(a.review.reviewedOn, b.review.reviewedOn) || byText(a.goal.title, b.goal.title) || compare(a.goal.id, b.goal.id) || a.review.version - b.review.version)
    .map(({ goal, review }): ReviewReport => ({
      goalId: goal.id,
      goalTitle: goal.title,
      reviewedOn: review.reviewedOn,
      assessment: labelled(ASSESSMENT_LABELS, review.assessment, language),
      evidence: review.evidence,
      decision: reference(review.decisionId),
    }));
  const reorientations = goals
    .flatMap((goal) => goal.reorientations.filter((act) => inPeriod(act.reorientedOn, period)).map((act) => ({ goal, act })))
    .sort((a, b) => compare(a.act.reorientedOn, b.act.reorientedOn) || byText(a.act.titleBefore, b.act.titleBefore) || compare(a.goal.id, b.goal.id) || a.act.version - b.act.version)
    .map(({ goal, act }): ReorientationReport => ({
      goalId: goal.id,
      goalTitle: act.titleBefore,
      reorientedOn: act.reorientedOn,
      decision: labelled(REORIENTATION_LABELS, act.decision, language),
      rationale: act.rationale,
      changes: goalChanges(act.changes, language),
      replacement: act.replacementGoalId ? { goalId: act.replacementGoalId, title: atEnd.get(act.replacementGoalId)?.title ?? null } : null,
      bodyDecision: reference(act.decisionId),
    }));
  const decisionsInPeriod = data.decisions
    .filter((decision) => inPeriod(decision.decidedOn, period))
    .sort((a, b) => compare(a.decidedOn, b.decidedOn) || byText(a.bodyName, b.bodyName) || subjectRank(a.subject) - subjectRank(b.subject) || byText(a.text, b.text) || compare(a.id, b.id))
    .map((decision) => ({ ...decisionReference(decision, language)!, subject: labelled(DECISION_SUBJECT_LABELS, decision.subject, language) }));
  const bodies = bodyCadences(data, language);
  const joined = data.organisations
    .filter((organisation) => inPeriod(organisation.joinedOn, period))
    .sort((a, b) => compare(a.joinedOn, b.joinedOn) || byText(a.name, b.name) || compare(a.id, b.id))
    .map(({ id, name, sector, joinedOn }) => ({ id, name, sector: { key: sector, label: sectorName(sector, language) }, joinedOn }));
  const left = data.organisations
    .filter((organisation) => inPeriod(organisation.leftOn, period))
    .sort((a, b) => compare(a.leftOn!, b.leftOn!) || byText(a.name, b.name) || compare(a.id, b.id))
    .map(({ id, name, sector, leftOn, leftReason }) => ({ id, name, sector: { key: sector, label: sectorName(sector, language) }, leftOn: leftOn!, reason: leftReason }));

  return {
    report: 'progress',
    language,
    period: { from: period.from, to: period.to },
    network: {
      id: data.network.id,
      name: data.network.name,
      region: data.network.region,
      responsibleBody: data.network.responsibleBody,
      municipalities: [...data.network.municipalities],
      programme: data.network.programme,
    },
    summary: {
      goals: goals.length,
      activeGoals: goals.filter((goal) => goal.status === 'active').length,
      retiredGoals: goals.filter((goal) => goal.status === 'retired').length,
      replacedGoals: goals.filter((goal) => goal.status === 'replaced').length,
      averageProgressPercent: average(operational.map((goal) => goal.progressPercent!)),
      reviews: reviews.length,
      reorientations: reorientations.length,
      decisions: decisionsInPeriod.length,
      meetingsHeld: bodies.reduce((sum, body) => sum + body.held, 0),
      organisationsJoined: joined.length,
      organisationsLeft: left.length,
    },
    statusDistribution: statusDistribution([...reports.values()], language),
    leitbild: leitbildInForce(data, reference),
    cycles: cyclesIn(data, language),
    qualityGoals: byQualityGoal([...reports.values()], language),
    goals: tree,
    reviews,
    reorientations,
    decisions: decisionsInPeriod,
    bodies,
    organisations: { joined, left },
    offerLandscape: {
      on: data.offerLandscape.on,
      offers: data.offerLandscape.offers,
      cells: data.offerLandscape.cells,
      coveredCells: data.offerLandscape.coveredCells,
      gaps: data.offerLandscape.gaps.map((gap) => ({ lifePhase: { key: gap.lifePhase, label: lifePhaseLabel(gap.lifePhase, language) }, district: gap.district })),
      duplicates: data.offerLandscape.duplicates.map((duplicate) => ({
        lifePhase: { key: duplicate.lifePhase, label: lifePhaseLabel(duplicate.lifePhase, language) },
        district: duplicate.district,
        targetGroup: duplicate.targetGroup,
        offers: duplicate.offers.map((offer) => ({ ...offer })),
      })),
    },
  };
}

export function decisionReference(decision: DecisionRecord | undefined, language: ReportLanguage): DecisionReference | null {
  if (!decision) return null;
  return {
    id: decision.id,
    decidedOn: decision.decidedOn,
    bodyName: decision.bodyName,
    bodyKind: labelled(BODY_KIND_LABELS, decision.bodyKind, language),
    text: decision.text,
  };
}

export function labelled(labels: Parameters<typeof labelOf>[0], key: string, language: ReportLanguage): Labelled {
  return { key, label: labelOf(labels, key, language) };
}

/** How far an indicator has come from its baseline towards its target, 0–100, one decimal (as the goals read model computes it). */
export function indicatorProgress(baseline: number, target: number, latest: number | null): number {
  if (latest === null || target === baseline) return 0;
  const share = (latest - baseline) / (target - baseline);
  return roundTo(Math.min(1, Math.max(0, share)) * 100, 1);
}

export function indicatorReport(indicator: IndicatorState, period: ReportPeriod, language: ReportLanguage): IndicatorReport {
  const upToEnd = indicator.measurements.filter((measurement) => measurement.measuredOn <= period.to);
  const before = upToEnd.filter((measurement) => measurement.measuredOn < period.from);
  const within = upToEnd.filter((measurement) => measurement.measuredOn >= period.from);
  const latest = upToEnd.at(-1) ?? null;
  const startValue = before.at(-1)?.value ?? indicator.baseline;
  const change = latest === null ? null : roundTo(latest.value - startValue, 2);
  const trendKey: IndicatorReport['trend']['key'] =
    change === null ? 'no_data' : change === 0 ? 'steady' : (change > 0) === (indicator.direction === 'increase') ? 'improving' : 'worsening';
  return {
    key: indicator.key,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    impactLevel: indicator.impactLevel,
    dueOn: indicator.dueOn,
    baseline: indicator.baseline,
    target: indicator.target,
    latestValue: latest?.value ?? null,
    latestMeasuredOn: latest?.measuredOn ?? null,
    progressPercent: indicatorProgress(indicator.baseline, indicator.target, latest?.value ?? null),
    startValue,
    changeInPeriod: change,
    trend: { key: trendKey, label: labelOf(TREND_LABELS, trendKey, language) },
    points: [{ on: period.from, value: startValue }, ...within.map((measurement) => ({ on: measurement.measuredOn, value: measurement.value }))],
  };
}

function goalReport(goal: GoalState, period: ReportPeriod, language: ReportLanguage): GoalReport {
  const indicators = goal.indicators.map((indicator) => indicatorReport(indicator, period, language));
  return {
    id: goal.id,
    level: labelled(GOAL_LEVEL_LABELS, goal.level, language),
    title: goal.title,
    description: goal.description,
    status: labelled(GOAL_STATUS_LABELS, goal.status, language),
    qualityGoals: goal.qualityGoals.map((key) => ({ key, label: qualityGoalLabel(key, language) })),
    lifePhase: goal.lifePhase === null ? null : { key: goal.lifePhase, label: lifePhaseLabel(goal.lifePhase, language) },
    district: goal.district,
    parentGoalId: goal.parentGoalId,
    definedOn: goal.definedOn,
    endedOn: goal.endedOn,
    replacesGoalId: goal.replacesGoalId,
    replacedByGoalId: goal.replacedByGoalId,
    lastAssessment:
      goal.lastAssessment !== null && goal.lastReviewOn !== null ? { ...labelled(ASSESSMENT_LABELS, goal.lastAssessment, language), reviewedOn: goal.lastReviewOn } : null,
    progressPercent: goal.level === 'operational' ? average(indicators.map((indicator) => indicator.progressPercent)) : null,
    indicators,
    children: [],
  };
}

/** Strategic goals, each with its operational goals, both by definition date and title. */
function goalTree(goals: GoalState[], reports: Map<string, GoalReport>): GoalReport[] {
  const order = (a: GoalState, b: GoalState) => compare(a.definedOn, b.definedOn) || byText(a.title, b.title) || compare(a.id, b.id);
  const sorted = [...goals].sort(order);
  const strategicIds = new Set(sorted.filter((goal) => goal.level === 'strategic').map((goal) => goal.id));
  for (const goal of sorted) {
    if (goal.level !== 'operational' || goal.parentGoalId === null || !strategicIds.has(goal.parentGoalId)) continue;
    reports.get(goal.parentGoalId)!.children.push(reports.get(goal.id)!);
  }
  for (const id of strategicIds) {
    const strategic = reports.get(id)!;
    strategic.progressPercent = average(strategic.children.filter((child) => child.status.key === 'active').map((child) => child.progressPercent));
  }
  return sorted.filter((goal) => goal.level === 'strategic' || goal.parentGoalId === null || !strategicIds.has(goal.parentGoalId)).map((goal) => reports.get(goal.id)!);
}

function byQualityGoal(goals: GoalReport[], language: ReportLanguage): ProgressReport['qualityGoals'] {
  const sorted = [...goals].sort((a, b) => compare(a.definedOn, b.definedOn) || byText(a.title, b.title) || compare(a.id, b.id));
  const entry = (goal: GoalReport) => ({ id: goal.id, title: goal.title, level: goal.level, status: goal.status, progressPercent: goal.progressPercent });
  const known = new Set<string>(KINDERSTARK_QUALITY_GOALS.map((goal) => goal.key));
  const groups: ProgressReport['qualityGoals'] = KINDERSTARK_QUALITY_GOALS.map((qualityGoal) => ({
    key: qualityGoal.key,
    label: qualityGoal[language],
    goals: sorted.filter((goal) => goal.qualityGoals.some((tag) => tag.key === qualityGoal.key)).map(entry),
  }));
  const untagged = sorted.filter((goal) => !goal.qualityGoals.some((tag) => known.has(tag.key)));
  if (untagged.length > 0) groups.push({ key: 'none', label: text('withoutQualityGoal', language), goals: untagged.map(entry) });
  return groups;
}

const DISTRIBUTION_ORDER = ['achieved', 'on_track', 'at_risk', 'off_track', 'not_assessable', 'not_reviewed'];

function statusDistribution(goals: GoalReport[], language: ReportLanguage): ProgressReport['statusDistribution'] {
  const counts = new Map<string, number>(DISTRIBUTION_ORDER.map((key) => [key, 0]));
  for (const goal of goals) {
    const key = goal.lastAssessment?.key ?? 'not_reviewed';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([key, count]) => ({ key, label: labelOf(ASSESSMENT_LABELS, key, language), count }));
}

export function goalChanges(changes: Record<string, unknown> | null, language: ReportLanguage): GoalChange[] {
  if (!changes) return [];
  const fields = Object.keys(GOAL_FIELD_LABELS).filter((field) => field in changes);
  return fields.map((field) => {
    const value = changes[field];
    const shown =
      field === 'qualityGoals' && Array.isArray(value)
        ? value.map((key) => qualityGoalLabel(String(key), language)).join('; ')
        : field === 'lifePhase' && typeof value === 'string'
          ? lifePhaseLabel(value, language)
          : value === null || value === undefined
            ? '–'
            : String(value);
    return { field: labelled(GOAL_FIELD_LABELS, field, language), value: shown };
  });
}

function leitbildInForce(data: ProgressReportData, reference: (id: string | null) => DecisionReference | null): ProgressReport['leitbild'] {
  const adopted = data.leitbildVersions
    .filter((version) => version.adoptedOn !== null && version.adoptedOn <= data.period.to)
    .sort((a, b) => compare(a.adoptedOn!, b.adoptedOn!) || a.version - b.version);
  const inForce = adopted.at(-1);
  if (!inForce) return null;
  return {
    version: inForce.version,
    vision: inForce.vision,
    principles: inForce.principles.map(({ key, text }) => ({ key, text })),
    adoptedOn: inForce.adoptedOn!,
    adoptedInPeriod: inPeriod(inForce.adoptedOn, data.period),
    decision: reference(inForce.decisionId),
  };
}

function cyclesIn(data: ProgressReportData, language: ReportLanguage): ProgressReport['cycles'] {
  const { period } = data;
  return data.cycles
    .filter((cycle) => cycle.openedOn <= period.to && (cycle.closedOn === null || cycle.closedOn >= period.from))
    .sort((a, b) => compare(a.openedOn, b.openedOn) || compare(a.id, b.id))
    .map((cycle) => {
      const phases = cycle.phases
        .filter((phase) => phase.enteredOn <= period.to)
        .map((phase, index) => ({ ...phase, index }))
        .sort((a, b) => compare(a.enteredOn, b.enteredOn) || a.index - b.index)
        .map(({ phase, enteredOn }) => ({ key: phase, label: cyclePhaseLabel(phase, language), enteredOn, inPeriod: inPeriod(enteredOn, period) }));
      const closed = cycle.closedOn !== null && cycle.closedOn <= period.to;
      const last = phases.at(-1);
      return {
        id: cycle.id,
        title: cycle.title,
        periodFrom: cycle.periodFrom,
        periodTo: cycle.periodTo,
        openedOn: cycle.openedOn,
        closedOn: closed ? cycle.closedOn : null,
        statusAtEnd: labelled(CYCLE_STATUS_LABELS, closed ? 'closed' : 'open', language),
        phaseAtEnd: last ? { key: last.key, label: last.label } : null,
        phases,
      };
    });
}

const DAYS_PER_YEAR = 365;

/** Each body that existed in the period: meetings held against its cadence, pro-rated to the days it existed in the period. */
function bodyCadences(data: ProgressReportData, language: ReportLanguage): BodyCadenceReport[] {
  const { period } = data;
  const kindRank = (kind: string) => {
    const rank = (BODY_KINDS as readonly string[]).indexOf(kind);
    return rank === -1 ? BODY_KINDS.length : rank;
  };
  return data.bodies
    .filter((body) => body.establishedOn <= period.to && (body.dissolvedOn === null || body.dissolvedOn > period.from))
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || byText(a.name, b.name) || compare(a.id, b.id))
    .map((body) => {
      const windowFrom = body.establishedOn > period.from ? body.establishedOn : period.from;
      const lastDay = body.dissolvedOn === null ? period.to : addDays(body.dissolvedOn, -1);
      const windowTo = lastDay < period.to ? lastDay : period.to;
      const days = daysBetween(windowFrom, windowTo) + 1;
      const expected = Math.floor((body.meetingsPerYear * days) / DAYS_PER_YEAR);
      const meetings = data.meetings
        .filter((meeting) => meeting.bodyId === body.id && meeting.heldOn >= windowFrom && meeting.heldOn <= windowTo)
        .sort((a, b) => compare(a.heldOn, b.heldOn) || byText(a.title, b.title) || compare(a.id, b.id))
        .map(({ title, heldOn }) => ({ title, heldOn }));
      return {
        id: body.id,
        name: body.name,
        kind: labelled(BODY_KIND_LABELS, body.kind, language),
        meetingsPerYear: body.meetingsPerYear,
        windowFrom,
        windowTo,
        expected,
        held: meetings.length,
        belowCadence: meetings.length < expected,
        meetings,
      };
    });
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The mean of the known values, one decimal; null when none is known. */
export function average(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  return roundTo(known.reduce((sum, value) => sum + value, 0) / known.length, 1);
}

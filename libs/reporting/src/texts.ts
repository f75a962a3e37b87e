import {
  Assessment,
  ASSESSMENT_TEXTS,
  BODY_KIND_TEXTS,
  conceptText,
  CYCLE_STATUS_TEXTS,
  DECISION_SUBJECT_TEXTS,
  EVENT_TITLES,
  GOAL_LEVEL_TEXTS,
  GOAL_STATUS_TEXTS,
  KINDERSTARK_QUALITY_GOALS,
  LIFE_PHASES,
  NOT_REVIEWED_TEXT,
  REORIENTATION_DECISION_TEXTS,
  sectorLabel,
} from '@kreislauf/domain';

/** The languages a report is written in; German first. */
export const REPORT_LANGUAGES = ['de', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export type Labels<Key extends string> = Record<Key, { de: string; en: string }>;

// The domain's concepts read as in the web and the audit log: the labels are the catalogue's.
export const ASSESSMENT_LABELS: Labels<Assessment | 'not_reviewed'> = { ...ASSESSMENT_TEXTS, not_reviewed: NOT_REVIEWED_TEXT };
export const REORIENTATION_LABELS = REORIENTATION_DECISION_TEXTS;
export const GOAL_STATUS_LABELS = GOAL_STATUS_TEXTS;
export const GOAL_LEVEL_LABELS = GOAL_LEVEL_TEXTS;
export const CYCLE_STATUS_LABELS = CYCLE_STATUS_TEXTS;
export const BODY_KIND_LABELS = BODY_KIND_TEXTS;
export const DECISION_SUBJECT_LABELS = DECISION_SUBJECT_TEXTS;

export const TREND_LABELS: Labels<'improving' | 'worsening' | 'steady' | 'no_data'> = {
  improving: { de: 'verbessert', en: 'improving' },
  worsening: { de: 'verschlechtert', en: 'worsening' },
  steady: { de: 'unverändert', en: 'steady' },
  no_data: { de: 'keine Messwerte', en: 'no measurements' },
};

export const GOAL_FIELD_LABELS: Labels<'title' | 'description' | 'qualityGoals' | 'lifePhase' | 'district' | 'reviewIntervalDays'> = {
  title: { de: 'Titel', en: 'Title' },
  description: { de: 'Beschreibung', en: 'Description' },
  qualityGoals: { de: 'Qualitätsziele', en: 'Quality goals' },
  lifePhase: { de: 'Lebensphase', en: 'Life phase' },
  district: { de: 'Sozialraum', en: 'District' },
  reviewIntervalDays: { de: 'Überprüfungsintervall (Tage)', en: 'Review interval (days)' },
};

export const HISTORY_KIND_LABELS: Labels<
  | 'cycle_opened'
  | 'cycle_phase_entered'
  | 'cycle_closed'
  | 'leitbild_drafted'
  | 'leitbild_adopted'
  | 'goal_defined'
  | 'goal_reviewed'
  | 'goal_continued'
  | 'goal_adjusted'
  | 'goal_replaced'
  | 'goal_retired'
> = {
  cycle_opened: EVENT_TITLES.CycleOpened,
  cycle_phase_entered: EVENT_TITLES.CyclePhaseEntered,
  cycle_closed: EVENT_TITLES.CycleClosed,
  leitbild_drafted: EVENT_TITLES.LeitbildDrafted,
  leitbild_adopted: EVENT_TITLES.LeitbildAdopted,
  goal_defined: EVENT_TITLES.GoalDefined,
  goal_reviewed: EVENT_TITLES.GoalReviewed,
  goal_continued: { de: 'Ziel fortgeführt', en: 'Goal continued' },
  goal_adjusted: { de: 'Ziel angepasst', en: 'Goal adjusted' },
  goal_replaced: { de: 'Ziel ersetzt', en: 'Goal replaced' },
  goal_retired: { de: 'Ziel beendet', en: 'Goal retired' },
};

/** Every sentence and heading of the rendered reports, German and English side by side. */
export const TEXTS = {
  progressTitle: { de: 'Fortschrittsbericht', en: 'Progress report' },
  historyTitle: { de: 'Programmhistorie', en: 'Programme history' },
  period: { de: 'Berichtszeitraum', en: 'Reporting period' },
  network: { de: 'Netzwerk', en: 'Network' },
  region: { de: 'Region', en: 'Region' },
  responsibleBody: { de: 'Träger', en: 'Responsible body' },
  programme: { de: 'Programm', en: 'Programme' },
  overview: { de: 'Überblick', en: 'Overview' },
  figure: { de: 'Kennzahl', en: 'Figure' },
  value: { de: 'Wert', en: 'Value' },
  count: { de: 'Anzahl', en: 'Count' },
  goalsInReport: { de: 'Ziele im Zeitraum', en: 'Goals in the period' },
  goalsActive: { de: 'davon aktiv am Ende des Zeitraums', en: 'of them active at the end of the period' },
  goalsRetired: GOAL_STATUS_TEXTS.retired,
  goalsReplaced: GOAL_STATUS_TEXTS.replaced,
  averageProgress: { de: 'Mittlerer Fortschritt der Handlungsziele', en: 'Average progress of the operational goals' },
  reviewsHeld: { de: 'Zielüberprüfungen', en: 'Goal reviews' },
  reorientationsDecided: { de: 'Neuausrichtungen', en: 'Reorientations' },
  decisionsTaken: { de: 'Beschlüsse der Gremien', en: 'Decisions of the bodies' },
  meetingsHeld: { de: 'Sitzungen', en: 'Meetings held' },
  organisationsJoined: { de: 'Beigetretene Organisationen', en: 'Organisations joined' },
  organisationsLeft: { de: 'Ausgetretene Organisationen', en: 'Organisations left' },
  statusDistribution: { de: 'Stand der Ziele (letzte Einschätzung)', en: 'State of the goals (last assessment)' },
  leitbild: { de: 'Leitbild', en: 'Leitbild (vision)' },
  noLeitbild: { de: 'Am Ende des Zeitraums ist kein Leitbild beschlossen.', en: 'No Leitbild is adopted at the end of the period.' },
  leitbildVersion: { de: 'Fassung', en: 'Version' },
  adoptedOn: { de: 'beschlossen am', en: 'adopted on' },
  principles: { de: 'Leitsätze', en: 'Guiding principles' },
  cycles: { de: 'Qualitätskreislauf', en: 'Quality cycle' },
  noCycles: { de: 'Im Zeitraum läuft kein Zyklus.', en: 'No cycle runs in the period.' },
  cyclePeriod: { de: 'Laufzeit', en: 'Term' },
  openedOn: { de: 'eröffnet am', en: 'opened on' },
  closedOn: { de: 'abgeschlossen am', en: 'closed on' },
  phase: { de: 'Phase', en: 'Phase' },
  enteredOn: { de: 'begonnen am', en: 'entered on' },
  phaseInPeriod: { de: 'im Zeitraum', en: 'in the period' },
  phaseAtEnd: { de: 'Phase am Ende des Zeitraums', en: 'Phase at the end of the period' },
  goalsByQualityGoal: { de: 'Ziele nach kinderstark-Qualitätszielen', en: 'Goals by kinderstark quality goal' },
  qualityGoal: { de: 'Qualitätsziel', en: 'Quality goal' },
  qualityGoals: { de: 'Qualitätsziele', en: 'Quality goals' },
  withoutQualityGoal: { de: 'ohne Qualitätsziel', en: 'without a quality goal' },
  goalTree: { de: 'Zielbaum', en: 'Goal tree' },
  noGoals: { de: 'Keine Ziele im Zeitraum.', en: 'No goals in the period.' },
  goal: { de: 'Ziel', en: 'Goal' },
  operationalGoal: GOAL_LEVEL_TEXTS.operational,
  level: { de: 'Ebene', en: 'Level' },
  status: { de: 'Status', en: 'Status' },
  lastAssessment: { de: 'Letzte Einschätzung', en: 'Last assessment' },
  progress: { de: 'Fortschritt', en: 'Progress' },
  definedOn: { de: 'festgelegt am', en: 'defined on' },
  endedOn: { de: 'beendet am', en: 'ended on' },
  indicators: { de: 'Indikatoren', en: 'Indicators' },
  indicator: { de: 'Indikator', en: 'Indicator' },
  baseline: { de: 'Ausgangswert', en: 'Baseline' },
  latest: { de: 'Letzter Wert', en: 'Latest value' },
  target: { de: 'Zielwert', en: 'Target' },
  trend: { de: 'Entwicklung im Zeitraum', en: 'Trend in the period' },
  noIndicators: { de: 'Keine Indikatoren', en: 'No indicators' },
  reviews: { de: 'Zielüberprüfungen', en: 'Goal reviews' },
  noReviews: { de: 'Keine Zielüberprüfungen im Zeitraum.', en: 'No goal reviews in the period.' },
  date: { de: 'Datum', en: 'Date' },
  assessment: { de: 'Einschätzung', en: 'Assessment' },
  evidence: { de: 'Belege', en: 'Evidence' },
  decision: { de: 'Beschluss', en: 'Decision' },
  reorientations: { de: 'Neuausrichtungen', en: 'Reorientations' },
  noReorientations: { de: 'Keine Neuausrichtungen im Zeitraum.', en: 'No reorientations in the period.' },
  reorientation: { de: 'Entscheidung', en: 'Decision' },
  rationale: { de: 'Begründung', en: 'Rationale' },
  changes: { de: 'Änderungen', en: 'Changes' },
  replacement: { de: 'ersetzt durch', en: 'replaced by' },
  replaces: { de: 'ersetzt', en: 'replaces' },
  decisions: { de: 'Beschlüsse der Gremien', en: 'Decisions of the bodies' },
  noDecisions: { de: 'Keine Beschlüsse im Zeitraum.', en: 'No decisions in the period.' },
  body: { de: 'Gremium', en: 'Body' },
  subject: { de: 'Gegenstand', en: 'Subject' },
  text: { de: 'Wortlaut', en: 'Text' },
  meetings: { de: 'Sitzungen und Sitzungsrhythmus', en: 'Meetings and cadence' },
  noBodies: { de: 'Im Zeitraum besteht kein Gremium.', en: 'No body exists in the period.' },
  cadence: { de: 'Rhythmus (pro Jahr)', en: 'Cadence (per year)' },
  expected: { de: 'erwartet', en: 'expected' },
  held: { de: 'gehalten', en: 'held' },
  belowCadence: { de: 'unter dem Rhythmus', en: 'below cadence' },
  atCadence: { de: 'im Rhythmus', en: 'at cadence' },
  organisations: { de: 'Mitgliedsorganisationen', en: 'Member organisations' },
  joined: { de: 'Beigetreten', en: 'Joined' },
  left: { de: 'Ausgetreten', en: 'Left' },
  noneJoined: { de: 'Keine Organisation ist im Zeitraum beigetreten.', en: 'No organisation joined in the period.' },
  noneLeft: { de: 'Keine Organisation ist im Zeitraum ausgetreten.', en: 'No organisation left in the period.' },
  organisation: { de: 'Organisation', en: 'Organisation' },
  sector: { de: 'Bereich', en: 'Sector' },
  reason: { de: 'Grund', en: 'Reason' },
  offerLandscape: { de: 'Angebotslandschaft', en: 'Offer landscape' },
  landscapeOn: { de: 'Stand', en: 'As of' },
  offersRunning: { de: 'laufende Angebote', en: 'offers running' },
  coveredCells: { de: 'abgedeckte Felder (Lebensphase × Sozialraum)', en: 'covered cells (life phase × district)' },
  gaps: { de: 'Lücken', en: 'Gaps' },
  noGaps: { de: 'Keine Lücken.', en: 'No gaps.' },
  duplicates: { de: 'Mögliche Doppelstrukturen', en: 'Possible duplicate structures' },
  noDuplicates: { de: 'Keine möglichen Doppelstrukturen.', en: 'No possible duplicate structures.' },
  lifePhase: { de: 'Lebensphase', en: 'Life phase' },
  district: { de: 'Sozialraum', en: 'District' },
  targetGroup: { de: 'Zielgruppe', en: 'Target group' },
  offers: { de: 'Angebote', en: 'Offers' },
  timeline: { de: 'Zeitleiste', en: 'Timeline' },
  noEntries: { de: 'Keine Einträge im Zeitraum.', en: 'No entries in the period.' },
  event: { de: 'Ereignis', en: 'Event' },
  subjectOf: { de: 'Betrifft', en: 'Concerns' },
  details: { de: 'Einzelheiten', en: 'Details' },
  version: { de: 'Fassung', en: 'version' },
  supersedes: { de: 'löst Fassung ab', en: 'supersedes version' },
  decidedBy: { de: 'beschlossen von', en: 'decided by' },
  on: { de: 'am', en: 'on' },
  footer: { de: 'Erstellt aus den Ereignissen von kreislauf; derselbe Datenstand und Zeitraum ergeben denselben Bericht.', en: 'Built from the events in kreislauf; the same store state and period give the same report.' },
  chartTrend: { de: 'Verlauf', en: 'Trend' },
  none: { de: '–', en: '–' },
} as const satisfies Record<string, { de: string; en: string }>;

export type TextKey = keyof typeof TEXTS;

/** A text of the table in the reader's language. */
export function text(key: TextKey, language: ReportLanguage): string {
  return TEXTS[key][language];
}

/** A label of a labelled catalogue, or the key itself for a key the catalogue does not know. */
export function labelOf<Key extends string>(labels: Labels<Key>, key: string, language: ReportLanguage): string {
  return (labels as Record<string, { de: string; en: string }>)[key]?.[language] ?? key;
}

export function qualityGoalLabel(key: string, language: ReportLanguage): string {
  return KINDERSTARK_QUALITY_GOALS.find((goal) => goal.key === key)?.[language] ?? key;
}

export function cyclePhaseLabel(key: string, language: ReportLanguage): string {
  return conceptText('phase', key, language);
}

export function lifePhaseLabel(key: string, language: ReportLanguage): string {
  return LIFE_PHASES.find((phase) => phase.key === key)?.[language] ?? key;
}

export function sectorName(key: string, language: ReportLanguage): string {
  return sectorLabel(key)[language];
}

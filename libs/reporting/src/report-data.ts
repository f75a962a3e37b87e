/**
 * What the report builders take: plain data gathered from the read models, no entity classes and no
 * database. Dates are business dates (YYYY-MM-DD); the builders order every list themselves.
 */

export interface ReportPeriod {
  from: string;
  to: string;
}

export interface NetworkRecord {
  id: string;
  name: string;
  region: string;
  responsibleBody: string;
  municipalities: string[];
  programme: string | null;
  registeredOn: string;
}

export interface CycleRecord {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  openedOn: string;
  closedOn: string | null;
  phases: { phase: string; enteredOn: string }[];
}

export interface LeitbildVersionRecord {
  version: number;
  revisesVersion: number | null;
  vision: string;
  principles: { key: string; text: string }[];
  draftedOn: string;
  adoptedOn: string | null;
  decisionId: string | null;
}

/**
 * One event of a goal's stream as its history keeps it: stored type, schema version and data, which the
 * domain upcasts; `occurredOn` is its business date, `actor` the name (or id) of who recorded it.
 */
export interface GoalEventRecord {
  goalId: string;
  version: number;
  type: string;
  schemaVersion: number;
  occurredOn: string;
  actor: string;
  data: Record<string, unknown>;
}

export interface DecisionRecord {
  id: string;
  meetingId: string;
  bodyId: string;
  bodyName: string;
  bodyKind: string;
  decidedOn: string;
  subject: string;
  text: string;
}

export interface BodyRecord {
  id: string;
  kind: string;
  name: string;
  meetingsPerYear: number;
  establishedOn: string;
  dissolvedOn: string | null;
}

export interface MeetingRecord {
  id: string;
  bodyId: string;
  title: string;
  heldOn: string;
}

export interface OrganisationRecord {
  id: string;
  /** The name as described at the end of the period, or on the day it left within it. */
  name: string;
  sector: string;
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
}

/** The offer landscape on one day, as the offers read model computes it, with provider names resolved. */
export interface OfferLandscapeRecord {
  on: string;
  districts: string[];
  offers: number;
  cells: number;
  coveredCells: number;
  gaps: { lifePhase: string; district: string }[];
  duplicates: { lifePhase: string; district: string; targetGroup: string; offers: { id: string; title: string; provider: string | null }[] }[];
}

export interface ProgressReportData {
  period: ReportPeriod;
  network: NetworkRecord;
  cycles: CycleRecord[];
  leitbildVersions: LeitbildVersionRecord[];
  /** Every event of the network's goals up to the end of the period (later ones are ignored). */
  goalEvents: GoalEventRecord[];
  /** The network's decisions up to the end of the period. */
  decisions: DecisionRecord[];
  bodies: BodyRecord[];
  /** Meetings held in the period. */
  meetings: MeetingRecord[];
  organisations: OrganisationRecord[];
  offerLandscape: OfferLandscapeRecord;
}

export interface ProgrammeHistoryData {
  period: ReportPeriod;
  network: NetworkRecord;
  cycles: CycleRecord[];
  leitbildVersions: LeitbildVersionRecord[];
  goalEvents: GoalEventRecord[];
  decisions: DecisionRecord[];
}

/** The shapes of the api's answers that the pages read (see the OpenAPI document at /api/docs). */
import type { Rating } from '@kreislauf/domain';

export interface Labelled {
  key: string;
  de: string;
  en: string;
}

export interface CyclePhaseEntry {
  phase: string;
  enteredOn: string;
}

export interface Cycle {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  openedOn: string;
  status: 'open' | 'closed';
  currentPhase: string | null;
  phases: CyclePhaseEntry[];
  closedOn: string | null;
}

export interface Network {
  id: string;
  name: string;
  region: string;
  responsibleBody: string;
  municipalities: string[];
  programme: string | null;
  registeredOn: string;
  openCycleId: string | null;
  version: number;
  cycles: Cycle[];
}

export interface BoardGoal {
  id: string;
  level: 'strategic' | 'operational';
  title: string;
  status: string;
  qualityGoals: string[];
  lifePhase: string | null;
  district: string | null;
  lastAssessment: string | null;
  lastReviewOn: string | null;
  nextReviewOn: string | null;
  progressPercent: number | null;
  children: BoardGoal[];
}

export interface CycleBoard {
  networkId: string;
  cycle: Cycle | null;
  goals: BoardGoal[];
}

export interface DueReview {
  goalId: string;
  cycleId: string;
  level: string;
  title: string;
  nextReviewOn: string;
  lastReviewOn: string | null;
  lastAssessment: string | null;
}

export interface Measurement {
  value: number;
  source: string;
  measuredOn: string;
}

export interface Indicator {
  key: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: 'increase' | 'decrease';
  dueOn: string;
  impactLevel: string;
  latestValue: number | null;
  latestMeasuredOn: string | null;
  progressPercent: number | null;
  measurements: Measurement[];
}

export interface Measure {
  measureId: string;
  title: string;
  responsibleOrganisation: string;
  startsOn: string;
  endsOn: string;
}

export interface Goal {
  id: string;
  networkId: string;
  cycleId: string;
  parentGoalId: string | null;
  level: 'strategic' | 'operational';
  title: string;
  description: string;
  qualityGoals: string[];
  lifePhase: string | null;
  district: string | null;
  reviewIntervalDays: number;
  status: string;
  definedOn: string;
  lastReviewOn: string | null;
  lastAssessment: string | null;
  nextReviewOn: string | null;
  progressPercent: number | null;
  indicators: Indicator[];
  measures: Measure[];
  reviews: { reviewedOn: string; assessment: string; evidence: string; reviewedBy: string | null }[];
  reorientations: { reorientedOn: string; decision: string; rationale: string }[];
  replacesGoalId: string | null;
  replacedByGoalId: string | null;
  version: number;
}

export interface DecisionView {
  decisionId: string;
  meetingId: string;
  bodyId: string;
  bodyName: string;
  bodyKind: string;
  decidedOn: string;
  subject: string;
  text: string;
}

export interface HistoryEntry {
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { userId: string; role: string; displayName?: string };
  reason: string | null;
  data: Record<string, unknown>;
  decision: DecisionView | null;
}

export interface NetworkDecision {
  id: string;
  meetingId: string;
  bodyId: string;
  bodyName: string;
  bodyKind: string;
  decidedOn: string;
  text: string;
  subject: string;
}

export interface ContactPerson {
  personId: string;
  erased: boolean;
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  sector: Labelled;
  namedInKkg: boolean;
  tasks: string;
  mandates: string;
  roles: string;
  resources: string;
  limits: string;
  contactPerson: ContactPerson | null;
  joinedOn: string;
  bodies: { id: string; name: string }[];
}

export interface BodyMember {
  organisationId: string;
  organisationName: string;
  representative: { name: string | null } | null;
}

export interface BodySummary {
  id: string;
  kind: string;
  name: string;
  meetingsPerYear: number;
  establishedOn: string;
  members: BodyMember[];
  cadence: { windowFrom: string; windowTo: string; held: number; expected: number; belowCadence: boolean };
}

export interface Body {
  id: string;
  kind: string;
  name: string;
  meetingsPerYear: number;
  establishedOn: string;
  dissolvedOn: string | null;
  members: BodyMember[];
  meetings: { id: string; title: string; scheduledFor: string; heldOn: string | null; topics: number; decisions: number }[];
}

export interface Meeting {
  id: string;
  networkId: string;
  body: { id: string; kind: string; name: string };
  title: string;
  scheduledFor: string;
  status: string;
  heldOn: string | null;
  attendance: { organisationId: string; organisationName: string }[];
  topics: { topicId: string; title: string }[];
  decisions: { decisionId: string; text: string; subject: string; decidedOn: string; topicId: string | null }[];
  version: number;
}

export interface LandscapeOffer {
  id: string;
  title: string;
  providerOrganisationId: string;
  targetGroups?: string[];
}

export interface OfferLandscape {
  networkId: string;
  on: string;
  lifePhases: Labelled[];
  districts: string[];
  rows: { lifePhase: Labelled; cells: { district: string; offers: LandscapeOffer[] }[] }[];
  gaps: { lifePhase: string; district: string }[];
  duplicates: { lifePhase: string; district: string; targetGroup: string; offers: LandscapeOffer[] }[];
  summary: { offers: number; cells: number; coveredCells: number; gaps: number; duplicates: number };
}

export interface AuditEntry {
  position: string;
  eventId: string;
  stream: string;
  streamVersion: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { userId: string; name: string | null; role: string };
  summary: { de: string; en: string };
  reason: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export interface LocalisedText {
  de: string;
  en: string;
}

export interface FrameworkSummary {
  frameworkId: string;
  title: LocalisedText;
  versions: { version: number; dimensions: { key: string; number: number; title: LocalisedText }[] }[];
}

export interface AssessmentSummary {
  id: string;
  cycleId: string;
  frameworkId: string;
  frameworkVersion: number;
  dimensionKeys: string[];
  visibility: 'named' | 'anonymous';
  status: 'open' | 'closed';
  openedOn: string;
  closedOn: string | null;
  raters: number;
  submitted: number;
}

export interface ItemResult {
  counts: Record<Rating, number>;
  rated: number;
  cannotJudge: number;
  median: number | null;
  divergence: number | null;
}

export interface DerivedGoal {
  goalId: string;
  level: string;
  title: string;
  definedOn: string;
  status: string | null;
}

export interface AssessmentItem {
  key: string;
  position: number;
  dimensionKey: string;
  themeKey: string;
  theme: LocalisedText | null;
  text: LocalisedText | null;
  yourRating: { rating: Rating; comment: string; ratedOn: string } | null;
  result: ItemResult | null;
  ratings: { rater: { userId: string; displayName: string | null } | null; rating: Rating; comment: string }[];
  priority: { prioritisedOn: string; note: string } | null;
  derivedGoals: DerivedGoal[];
}

export interface Assessment {
  id: string;
  networkId: string;
  cycleId: string;
  framework: { frameworkId: string; version: number; title: LocalisedText | null };
  dimensions: { key: string; number: number | null; title: LocalisedText | null }[];
  visibility: 'named' | 'anonymous';
  status: 'open' | 'closed';
  openedOn: string;
  closedOn: string | null;
  raters: number;
  submitted: number;
  youRate: boolean;
  items: AssessmentItem[];
  version: number;
}

export interface AgendaEntry {
  rank: number;
  key: string;
  text: LocalisedText | null;
  theme: LocalisedText | null;
  median: number | null;
  divergence: number | null;
  rated: number;
  cannotJudge: number;
  counts: Record<Rating, number>;
  prioritised: boolean;
}

import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  addDays,
  bodyDecider,
  bodyEventOccurredOn,
  BodyKind,
  Decider,
  decideGoal,
  decideNetwork,
  DecisionSubject,
  evolveGoal,
  evolveNetwork,
  GoalCommand,
  GoalEvent,
  goalEventOccurredOn,
  GoalState,
  Indicator,
  initialGoalState,
  initialNetworkState,
  meetingDecider,
  meetingEventOccurredOn,
  NetworkCommand,
  NetworkEvent,
  networkEventOccurredOn,
  NetworkState,
  offerDecider,
  offerEventOccurredOn,
  organisationDecider,
  organisationEventOccurredOn,
  ReorientationDecision,
  Sector,
} from '@kreislauf/domain';
import { NewEvent, PostgresEventStore } from '@kreislauf/event-store';
import { createProjections, ProjectionRunner } from '@kreislauf/read-models';
import { historyDocument, progressDocument, renderHtml, renderMarkdown } from '@kreislauf/reporting';
import { loadConfig } from '@kreislauf/storage';
import { Pool } from 'pg';
import { DEFAULT_CHROMIUM_PATH, PdfPrinter } from '../apps/api/src/reports/pdf-printer';
import { GetProgrammeHistory, GetProgrammeHistoryHandler, GetProgressReport, GetProgressReportHandler } from '../apps/api/src/reports/report.queries';
import { Actor, coordinator, steeringGroup } from './goal-data';
import { openServer } from './postgres';
import { openReadModels } from './projection-bench';
import { appendInTransactions, newEvent } from './stream-append';
import { formatNumber, round } from './stats';

/**
 * The progress report and programme history over one network with five years of history (2021–2025):
 * a cycle a year with its Leitbild version, 150 new operational goals a year under six strategic goals, three
 * indicators measured monthly, quarterly reviews, a reorientation of every goal at the end of each year (half
 * retired, a tenth replaced, the rest adjusted or continued and carried over), bodies meeting on their
 * cadence with their decisions, organisations joining and leaving, and offers. Every event is decided by the
 * real deciders and appended year by year through the event store; the projections then catch up.
 */

const YEARS = [2021, 2022, 2023, 2024, 2025];
const STRATEGIC = 6;
const MIN_EVENTS = 50_000;

export interface ReportBenchOptions {
  /** New operational goals per year (default 150, which gives a little over 50,000 events). */
  operationalPerYear?: number;
  /** Timed runs of each JSON report (default 7). */
  runs?: number;
  chromiumPath?: string;
  log?: (line: string) => void;
}

export interface Timing {
  p50Ms: number;
  minMs: number;
  maxMs: number;
  runs: number;
  bytes: number;
  /** Highest resident memory of this process while the runs went on. */
  peakRssMb: number;
  /** CPU time of this process per run (PostgreSQL's and Chromium's not included): apart from other load on the machine. */
  cpuMsPerRun: number;
}

export interface ReportBenchResult {
  events: number;
  goalEvents: number;
  goals: number;
  loadSeconds: number;
  catchUpSeconds: number;
  yearJson: Timing;
  fiveYearJson: Timing;
  historyJson: Timing;
  yearMarkdown: Timing;
  yearHtml: Timing;
  /** Query, render and print of the year's report, the browser already running. */
  yearPdf: Timing & { pages: number | null; chromiumPeakRssMb: number };
  /** The first PDF of the process, which starts Chromium. */
  firstPdfMs: number;
  processPeakRssMb: number;
  /** The machine's 1-minute load average at the end: other work slows every figure here. */
  loadAverage: number;
}

interface Segment {
  streamId: string;
  expectedVersion: number | 'no_stream';
  events: NewEvent[];
}

/** Streams decided by the real deciders, appended year by year so that business and global order agree. */
class History {
  readonly years: Segment[][] = [];
  events = 0;
  goalEvents = 0;
  private readonly states = new Map<string, { state: unknown; version: number }>();
  private year: Map<string, Segment> = new Map();

  startYear(): void {
    this.year = new Map();
    this.years.push([]);
  }

  endYear(): void {
    this.years[this.years.length - 1].push(...this.year.values());
  }

  decide<C, E extends { type: string; schemaVersion: number; data: unknown }, S>(
    streamId: string,
    decider: Pick<Decider<C, E, S>, 'decide' | 'evolve' | 'initialState'>,
    command: C,
    meta: { actor: Actor; networkId: string; occurredOn: (event: E) => string; reason?: string },
  ): E[] {
    const known = this.states.get(streamId) ?? { state: decider.initialState, version: -1 };
    const events = decider.decide(command, known.state as S);
    let state = known.state as S;
    for (const event of events) state = decider.evolve(state, event);
    let segment = this.year.get(streamId);
    if (!segment) {
      segment = { streamId, expectedVersion: known.version === -1 ? 'no_stream' : known.version, events: [] };
      this.year.set(streamId, segment);
    }
    for (const event of events) segment.events.push(newEvent(event, meta.actor, meta.networkId, meta.occurredOn(event), meta.reason));
    this.states.set(streamId, { state, version: known.version + events.length });
    this.events += events.length;
    if (streamId.startsWith('goal-')) this.goalEvents += events.length;
    return events;
  }

  stateOf<S>(streamId: string): S {
    return this.states.get(streamId)!.state as S;
  }
}

const networkDecider = { decide: decideNetwork, evolve: evolveNetwork, initialState: initialNetworkState };
const goalDecider = { decide: decideGoal, evolve: evolveGoal, initialState: initialGoalState };

interface BenchGoal {
  id: string;
  level: 'strategic' | 'operational';
  parentGoalId: string | null;
  definedOn: string;
  concretised: boolean;
  lastReviewOn: string | null;
  lastReorientedOn: string | null;
  index: number;
}

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length];
const QUALITY_GOALS = [['participation'], ['outreach', 'equity'], ['smooth_transitions'], ['multiprofessional_cooperation'], ['strengthen_parents_children', 'social_inclusion']];
const DISTRICTS = ['Brüggen', 'Grefrath', 'Kempen', 'Nettetal', 'Niederkrüchten', 'Schwalmtal', 'Tönisvorst', 'Viersen', 'Willich'];
const LIFE_PHASES = ['pregnancy', 'age_0_3', 'age_3_6', 'primary_school', 'secondary_school', 'transition_to_work'];
const TITLES = ['Babylotsinnen etablieren', 'Familiencafés anbieten', 'Wartezeit auf Familienhebammen verkürzen', 'Kita-Schule-Tandems bilden', 'Elternbeteiligung stärken', 'Willkommensbesuche ausbauen'];
const ASSESSMENTS = ['on_track', 'at_risk', 'on_track', 'achieved', 'off_track'] as const;
const REORIENTATIONS: ReorientationDecision[] = ['retire', 'retire', 'retire', 'retire', 'retire', 'replace', 'adjust', 'adjust', 'continue', 'continue'];

/** Builds the five years; returns the network id. */
export function buildFiveYearNetwork(operationalPerYear: number): { history: History; networkId: string; goals: number } {
  const history = new History();
  const networkId = randomUUID();
  const network = (command: NetworkCommand) =>
    history.decide<NetworkCommand, NetworkEvent, NetworkState>(`network-${networkId}`, networkDecider, command, { actor: coordinator, networkId, occurredOn: networkEventOccurredOn });
  const goals = new Map<string, BenchGoal>();
  const goal = (bench: BenchGoal, command: GoalCommand, actor: Actor = steeringGroup, reason?: string) => {
    history.decide<GoalCommand, GoalEvent, GoalState>(`goal-${bench.id}`, goalDecider, command, { actor, networkId, occurredOn: goalEventOccurredOn, reason });
  };
  const organisations: { id: string; joinedOn: string; leftOn: string | null }[] = [];
  const membership = (ids: string[]) => ({
    network: { registered: true },
    organisations: Object.fromEntries(ids.map((id) => {
      const known = organisations.find((organisation) => organisation.id === id)!;
      return [id, { networkId, joinedOn: known.joinedOn, leftOn: known.leftOn }];
    })),
  });
  const join = (name: string, sector: Sector, joinedOn: string) => {
    const id = randomUUID();
    history.decide(`organisation-${id}`, organisationDecider, {
      type: 'JoinOrganisation',
      organisationId: id,
      data: { networkId, name, sector, namedInKkg: false, tasks: 'Beratung und Begleitung von Familien', mandates: 'SGB VIII', roles: 'Anlaufstelle', resources: 'Zwei Fachkräfte', limits: '', contactPerson: null, joinedOn },
      facts: { network: { registered: true } },
    }, { actor: coordinator, networkId, occurredOn: organisationEventOccurredOn });
    organisations.push({ id, joinedOn, leftOn: null });
    return id;
  };
  const bodies = new Map<string, { id: string; members: string[]; establishedOn: string }>();
  const establish = (kind: BodyKind, name: string, meetingsPerYear: number, members: string[], establishedOn: string) => {
    const id = randomUUID();
    history.decide(`body-${id}`, bodyDecider, {
      type: 'EstablishBody',
      bodyId: id,
      data: { networkId, kind, name, meetingsPerYear, members: members.map((organisationId) => ({ organisationId, representative: null })), establishedOn },
      facts: membership(members),
    }, { actor: coordinator, networkId, occurredOn: bodyEventOccurredOn });
    bodies.set(name, { id, members, establishedOn });
    return id;
  };
  /** Holds a meeting with its decisions; returns their ids. */
  const meet = (bodyName: string, on: string, decisions: { subject: DecisionSubject; text: string }[]) => {
    const body = bodies.get(bodyName)!;
    const meetingId = randomUUID();
    const run = (command: Parameters<typeof meetingDecider.decide>[0]) =>
      history.decide(`meeting-${meetingId}`, meetingDecider, command, { actor: coordinator, networkId, occurredOn: meetingEventOccurredOn });
    run({ type: 'ScheduleMeeting', meetingId, data: { networkId, bodyId: body.id, scheduledFor: on, title: `${bodyName} ${on}`, contactPerson: null }, facts: { body: { networkId, status: 'active', establishedOn: body.establishedOn, dissolvedOn: null } } });
    run({ type: 'ProposeTopic', meetingId, data: { topicId: randomUUID(), title: 'Stand der Ziele', description: '', proposedByOrganisationId: null, proposedOn: addDays(on, -7) }, facts: { proposer: null } });
    run({ type: 'RecordAttendance', meetingId, data: { heldOn: on, attendance: body.members }, facts: { bodyMemberIds: body.members, organisations: {} } });
    return decisions.map((decision) => {
      const decisionId = randomUUID();
      run({ type: 'RecordDecision', meetingId, data: { decisionId, text: decision.text, subject: decision.subject, topicId: null } });
      return { decisionId, networkId, subject: decision.subject, decidedOn: on };
    });
  };

  history.startYear();
  network({
    type: 'RegisterNetwork',
    networkId,
    data: { name: 'Netzwerk Frühe Hilfen Kreis Viersen', region: 'Kreis Viersen', responsibleBody: 'Kreisjugendamt Viersen', municipalities: DISTRICTS, programme: 'kinderstark – NRW schafft Chancen', registeredOn: '2020-11-01' },
  });
  const sectors: Sector[] = ['day_care', 'youth_welfare', 'health', 'school', 'family_education', 'family_counselling', 'authority', 'association'];
  for (let i = 0; i < 24; i++) join(`Mitgliedsorganisation ${i + 1}`, pick(sectors, i), '2020-11-15');
  establish('steering_group', 'Steuerungsgruppe', 5, organisations.slice(0, 8).map((o) => o.id), '2020-12-01');
  establish('plenary', 'Plenum', 4, organisations.slice(0, 24).map((o) => o.id), '2020-12-01');
  establish('working_group', 'Arbeitskreis Kitas', 12, organisations.slice(0, 6).map((o) => o.id), '2020-12-01');
  let offerCount = 0;
  const listOffer = (on: string) => {
    const offerId = randomUUID();
    const provider = organisations.filter((organisation) => organisation.leftOn === null)[offerCount % 20];
    history.decide(`offer-${offerId}`, offerDecider, {
      type: 'ListOffer',
      offerId,
      data: {
        networkId,
        title: `${pick(['Elterncafé', 'Babytreff', 'Sprachkita', 'Familienbesuch', 'Lernpaten'], offerCount)} ${pick(DISTRICTS, offerCount * 7)}`,
        description: '',
        providerOrganisationId: provider.id,
        lifePhases: [pick(LIFE_PHASES, offerCount)],
        districts: [pick(DISTRICTS, offerCount * 7)],
        targetGroups: [pick(['Eltern', 'Alleinerziehende', 'Familien mit Fluchterfahrung'], offerCount)],
        startsOn: on,
        endsOn: null,
        listedOn: on,
      },
      facts: { network: { municipalities: DISTRICTS }, provider: { networkId, left: false } },
    }, { actor: coordinator, networkId, occurredOn: offerEventOccurredOn });
    offerCount += 1;
  };
  history.endYear();

  let strategicIds: string[] = [];
  let goalIndex = 0;
  let leitbildVersion = 0;
  for (const year of YEARS) {
    history.startYear();
    const y = (monthDay: string) => `${year}-${monthDay}`;
    const cycleId = randomUUID();
    network({ type: 'OpenCycle', networkId, data: { cycleId, title: `Qualitätskreislauf ${year}`, periodFrom: y('01-01'), periodTo: y('12-31'), openedOn: y('01-05') } });
    network({ type: 'EnterCyclePhase', networkId, data: { cycleId, phase: 'leitbild', enteredOn: y('01-10') } });
    network({ type: 'DraftLeitbild', networkId, data: { vision: `Jedes Kind im Kreis Viersen wächst gesund und geschützt auf (Fassung ${year}).`, principles: [{ key: 'P1', text: 'Familien wirken mit.' }, { key: 'P2', text: 'Angebote sind wohnortnah.' }], draftedOn: y('01-12') } });
    leitbildVersion += 1;
    for (let i = 0; i < 2; i++) join(`Neue Organisation ${year}-${i + 1}`, pick(sectors, year + i), y(`0${3 + i * 4}-01`));
    const leaving = organisations.find((organisation) => organisation.leftOn === null && !(['Steuerungsgruppe', 'Plenum', 'Arbeitskreis Kitas'].some((name) => bodies.get(name)!.members.includes(organisation.id))));
    if (leaving) {
      history.decide(`organisation-${leaving.id}`, organisationDecider, { type: 'LeaveOrganisation', organisationId: leaving.id, data: { leftOn: y('08-31'), reason: 'Träger hat die Arbeit im Quartier beendet' } }, { actor: coordinator, networkId, occurredOn: organisationEventOccurredOn });
      leaving.leftOn = y('08-31');
    }
    for (let i = 0; i < 8; i++) listOffer(y(`${String(2 + i).padStart(2, '0')}-15`));

    const [adoption, definition] = meet('Steuerungsgruppe', y('02-10'), [
      { subject: 'leitbild_adoption', text: `Das Leitbild ${year} wird beschlossen.` },
      { subject: 'goal_definition', text: `Die Ziele ${year} werden festgelegt.` },
    ]);
    network({ type: 'AdoptLeitbild', networkId, data: { version: leitbildVersion, adoptedOn: y('02-10'), decisionId: adoption.decisionId }, facts: { decision: adoption } });
    network({ type: 'EnterCyclePhase', networkId, data: { cycleId, phase: 'steering', enteredOn: y('02-10') } });
    const principles = ['P1', 'P2'];
    const define = (level: 'strategic' | 'operational', parentGoalId: string | null, definedOn: string, decision: typeof definition | null, replacesGoalId: string | null = null, id = randomUUID()) => {
      const bench: BenchGoal = { id, level, parentGoalId, definedOn, concretised: false, lastReviewOn: null, lastReorientedOn: null, index: goalIndex++ };
      goal(bench, {
        type: 'DefineGoal',
        goalId: bench.id,
        data: {
          networkId,
          cycleId,
          level,
          parentGoalId,
          title: level === 'strategic' ? `Strategisches Ziel ${bench.index + 1}` : `${pick(TITLES, bench.index)} (${bench.index + 1})`,
          description: 'Familien in belasteten Lebenslagen erhalten früh passende Angebote im Sozialraum.',
          qualityGoals: pick(QUALITY_GOALS, bench.index),
          lifePhase: level === 'operational' ? pick(LIFE_PHASES, bench.index) : null,
          district: level === 'operational' ? pick(DISTRICTS, bench.index) : null,
          reviewIntervalDays: 90,
          definedOn,
          replacesGoalId,
          decisionId: decision?.decisionId ?? null,
          principleKeys: level === 'strategic' ? principles : [],
        },
        facts: {
          cycle: { networkId, status: 'open' },
          parent: parentGoalId ? { networkId, level: 'strategic', status: 'active' } : null,
          decision,
          principlesInForce: principles,
        },
      });
      goals.set(bench.id, bench);
      return bench;
    };
    if (strategicIds.length === 0) strategicIds = Array.from({ length: STRATEGIC }, () => define('strategic', null, y('02-10'), definition).id);
    for (let i = 0; i < operationalPerYear; i++) define('operational', pick(strategicIds, i), y('02-10'), definition);

    network({ type: 'EnterCyclePhase', networkId, data: { cycleId, phase: 'concretisation', enteredOn: y('03-15') } });
    const active = () => [...goals.values()].filter((bench) => (history.stateOf<GoalState>(`goal-${bench.id}`) as { status: string }).status === 'active');
    for (const bench of active()) {
      if (bench.level !== 'operational' || bench.concretised) continue;
      goal(bench, { type: 'ConcretiseGoal', goalId: bench.id, data: { indicators: indicators(bench.index, y('12-31')), measures: [{ measureId: randomUUID(), title: 'Kooperationsvereinbarung', responsibleOrganisation: 'Kreisjugendamt', startsOn: y('03-15'), endsOn: y('12-31') }], concretisedOn: y('03-15') } }, coordinator);
      bench.concretised = true;
    }

    const reviewMeetings: Record<string, { decisionId: string; networkId: string; subject: DecisionSubject; decidedOn: string }> = {};
    const steeringDates = ['04-15', '06-20', '09-15'];
    const plenaryDates = ['03-01', '06-01', '09-01', '12-01'];
    for (let month = 1; month <= 12; month++) {
      const monthEnd = lastDayOf(year, month);
      for (const bench of active()) {
        if (bench.level !== 'operational' || !bench.concretised || monthEnd < bench.definedOn) continue;
        for (const [k, key] of ['families', 'waiting_days', 'partners'].entries()) {
          const value = measurementValue(bench.index, k, year, month);
          goal(bench, { type: 'RecordMeasurement', goalId: bench.id, data: { indicatorKey: key, value, measuredOn: monthEnd, source: 'Dokumentation der Netzwerkkoordination' } }, coordinator);
        }
      }
      meet('Arbeitskreis Kitas', `${year}-${String(month).padStart(2, '0')}-05`, []);
      const steering = steeringDates.find((date) => Number(date.slice(0, 2)) === month);
      if (steering) {
        const [review] = meet('Steuerungsgruppe', y(steering), [{ subject: 'goal_review', text: `Überprüfung der Ziele am ${y(steering)}.` }]);
        reviewMeetings[steering] = review;
        for (const bench of active()) reviewGoal(bench, y(steering), review);
      }
      const plenary = plenaryDates.find((date) => Number(date.slice(0, 2)) === month);
      if (plenary) meet('Plenum', y(plenary), [{ subject: 'other', text: 'Bericht aus der Steuerungsgruppe zur Kenntnis genommen.' }]);
      if (month === 10) network({ type: 'EnterCyclePhase', networkId, data: { cycleId, phase: 'reflection', enteredOn: y('10-01') } });
      if (month === 11) {
        const [reorientation, review] = meet('Steuerungsgruppe', y('11-20'), [
          { subject: 'goal_reorientation', text: `Neuausrichtung der Ziele ${year}.` },
          { subject: 'goal_review', text: `Jahresüberprüfung ${year}.` },
        ]);
        for (const bench of active()) {
          reviewGoal(bench, y('11-20'), review);
          const decision: ReorientationDecision = bench.level === 'strategic' ? 'continue' : pick(REORIENTATIONS, bench.index + year);
          const replacementGoalId = decision === 'replace' ? randomUUID() : null;
          goal(bench, {
            type: 'ReorientGoal',
            goalId: bench.id,
            data: {
              decision,
              rationale: decision === 'retire' ? 'Ziel erreicht oder nicht mehr vordringlich' : decision === 'adjust' ? 'Auf Familien mit Unterstützungsbedarf konzentriert' : 'Läuft weiter',
              reorientedOn: y('11-20'),
              changes: decision === 'adjust' ? { reviewIntervalDays: 60, title: `${pick(TITLES, bench.index)} (${bench.index + 1}, angepasst ${year})` } : null,
              replacementGoalId,
              decisionId: reorientation.decisionId,
            },
            facts: { decision: reorientation },
          }, steeringGroup, 'Beschluss der Steuerungsgruppe');
          bench.lastReorientedOn = y('11-20');
          // As the write side does it: the replacement is defined under the id the reorientation names, resting on no decision of its own.
          if (replacementGoalId) define('operational', bench.parentGoalId, y('11-20'), null, bench.id, replacementGoalId);
        }
      }
    }
    const activeGoals = active().map((bench) => ({ goalId: bench.id, definedOn: bench.definedOn, lastReviewOn: bench.lastReviewOn, lastReorientedOn: bench.lastReorientedOn }));
    network({ type: 'CloseCycle', networkId, data: { cycleId, closedOn: y('12-20') }, facts: { activeGoals } });
    history.endYear();
  }
  if (history.events < MIN_EVENTS) throw new Error(`the five years hold ${history.events} events, fewer than ${MIN_EVENTS}: raise operationalPerYear`);
  return { history, networkId, goals: goals.size };

  function reviewGoal(bench: BenchGoal, on: string, decision: { decisionId: string; networkId: string; subject: DecisionSubject; decidedOn: string }) {
    goal(bench, {
      type: 'ReviewGoal',
      goalId: bench.id,
      data: { reviewedOn: on, assessment: pick(ASSESSMENTS, bench.index + Number(on.slice(5, 7))), evidence: 'Halbjahreszahlen und Protokoll der Steuerungsgruppe', decisionId: decision.decisionId },
      facts: { decision },
    });
    bench.lastReviewOn = on;
  }
}

function indicators(index: number, dueOn: string): Indicator[] {
  return [
    { key: 'families', name: 'Erreichte Familien', unit: 'Familien', baseline: 40 + (index % 10), target: 120 + (index % 10), direction: 'increase', dueOn, impactLevel: 'output' },
    { key: 'waiting_days', name: 'Wartezeit auf eine Begleitung', unit: 'Tage', baseline: 42, target: 14, direction: 'decrease', dueOn, impactLevel: 'outcome' },
    { key: 'partners', name: 'Beteiligte Kooperationspartner', unit: 'Partner', baseline: 2, target: 10, direction: 'increase', dueOn, impactLevel: 'output' },
  ];
}

function measurementValue(index: number, indicator: number, year: number, month: number): number {
  const step = (year - 2021) * 12 + month;
  if (indicator === 0) return 40 + (index % 10) + step * 2 + (index % 3);
  if (indicator === 1) return Math.max(10, 42 - Math.floor(step / 2) + (index % 4));
  return Math.min(12, 2 + Math.floor(step / 6) + (index % 2));
}

function lastDayOf(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Appends each year's segments, up to four streams at a time within a year, years one after the other. */
async function append(store: PostgresEventStore, url: string, history: History): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 4 });
  try {
    for (const segments of history.years) {
      await appendInTransactions(pool, segments, 4, async (client, segment) => {
        await store.appendWithin(client, segment.streamId, segment.events, segment.expectedVersion);
      });
    }
  } finally {
    await pool.end();
  }
}

/** Peak resident memory of this process (and, when asked, of its child processes: Chromium) while `work` runs. */
async function withPeakRss<T>(work: () => Promise<T>, children = false): Promise<{ value: T; peakMb: number; childrenPeakMb: number }> {
  let peak = process.memoryUsage().rss;
  let childrenPeak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  // Walking /proc costs CPU of its own: the children are sampled less often.
  const sampleChildren = () => {
    childrenPeak = Math.max(childrenPeak, childrenRss(process.pid));
  };
  const timer = setInterval(sample, 10);
  const childTimer = children ? setInterval(sampleChildren, 250) : null;
  try {
    const value = await work();
    sample();
    return { value, peakMb: peak / 1024 / 1024, childrenPeakMb: childrenPeak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
    if (childTimer) clearInterval(childTimer);
  }
}

function childrenRss(pid: number): number {
  let total = 0;
  for (const child of childPids(pid)) {
    try {
      const status = readFileSync(`/proc/${child}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // The process ended between listing and reading.
    }
    total += childrenRss(child);
  }
  return total;
}

function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

async function timed(runs: number, work: () => Promise<string | Buffer>): Promise<Timing> {
  const durations: number[] = [];
  let bytes = 0;
  const cpu = process.cpuUsage();
  const { peakMb } = await withPeakRss(async () => {
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const output = await work();
      durations.push(performance.now() - started);
      bytes = Buffer.byteLength(output);
    }
  });
  const used = process.cpuUsage(cpu);
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    cpuMsPerRun: round((used.user + used.system) / 1000 / runs, 1), p50Ms: round(sorted[Math.floor((sorted.length - 1) / 2)], 1), minMs: round(sorted[0], 1), maxMs: round(sorted[sorted.length - 1], 1), runs, bytes, peakRssMb: round(peakMb, 1) };
}

/** Builds the network on a fresh database at `url`, lets the projections catch up, and times the reports. */
export async function benchReports(url: string, options: ReportBenchOptions = {}): Promise<ReportBenchResult> {
  const log = options.log ?? (() => undefined);
  const runs = options.runs ?? 7;
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const store = new PostgresEventStore({ connectionString: url });
  await store.migrate();
  const dataSource = await openReadModels(url);
  const printer = new PdfPrinter({ executablePath: options.chromiumPath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH });
  try {
    const { history, networkId, goals } = buildFiveYearNetwork(options.operationalPerYear ?? 150);
    log(`appending ${formatNumber(history.events)} events (${formatNumber(history.goalEvents)} of ${formatNumber(goals)} goals) of one network, 2021–2025`);
    let started = performance.now();
    await append(store, url, history);
    const loadSeconds = (performance.now() - started) / 1000;
    log(`  appended in ${formatNumber(loadSeconds, 1)} s; projections catching up`);
    started = performance.now();
    await new ProjectionRunner(dataSource, store, createProjections(), { batchSize: config.PROJECTION_BATCH_SIZE }).catchUp();
    const catchUpSeconds = (performance.now() - started) / 1000;
    log(`  caught up in ${formatNumber(catchUpSeconds, 1)} s`);

    const progress = new GetProgressReportHandler(dataSource);
    const programme = new GetProgrammeHistoryHandler(dataSource);
    const year = { from: '2025-01-01', to: '2025-12-31' };
    const yearReport = () => progress.execute(new GetProgressReport(networkId, year, 'de'));
    log(`timing the JSON report of 2025, ${runs} runs`);
    const yearJson = await timed(runs, async () => JSON.stringify(await yearReport()));
    log(`  p50 ${yearJson.p50Ms} ms`);
    const fiveYearJson = await timed(runs, async () => JSON.stringify(await progress.execute(new GetProgressReport(networkId, { from: '2021-01-01', to: '2025-12-31' }, 'de'))));
    log(`  2021–2025: p50 ${fiveYearJson.p50Ms} ms`);
    const historyJson = await timed(runs, async () => JSON.stringify(await programme.execute(new GetProgrammeHistory(networkId, {}, 'de'))));
    log(`  programme history: p50 ${historyJson.p50Ms} ms`);
    const yearMarkdown = await timed(runs, async () => renderMarkdown(progressDocument(await yearReport())));
    const yearHtml = await timed(runs, async () => renderHtml(progressDocument(await yearReport())));
    log(`  markdown p50 ${yearMarkdown.p50Ms} ms, html p50 ${yearHtml.p50Ms} ms (${formatNumber(yearHtml.bytes / 1024)} KiB)`);

    log('printing the PDF of 2025');
    started = performance.now();
    await printer.print(renderHtml(historyDocument(await programme.execute(new GetProgrammeHistory(networkId, { from: '2025-11-01', to: '2025-11-30' }, 'de')))));
    const firstPdfMs = round(performance.now() - started, 1);
    let pdf: Buffer = Buffer.alloc(0);
    const pdfRuns = Math.max(1, Math.min(3, runs));
    const measured = await withPeakRss(() => timed(pdfRuns, async () => (pdf = await printer.print(renderHtml(progressDocument(await yearReport()))))), true);
    const yearPdf = { ...measured.value, pages: pdfPages(pdf), chromiumPeakRssMb: round(measured.childrenPeakMb, 1) };
    log(`  p50 ${yearPdf.p50Ms} ms, ${yearPdf.pages ?? '?'} pages`);
    return {
      events: history.events,
      goalEvents: history.goalEvents,
      goals,
      loadSeconds: round(loadSeconds, 1),
      catchUpSeconds: round(catchUpSeconds, 1),
      yearJson,
      fiveYearJson,
      historyJson,
      yearMarkdown,
      yearHtml,
      yearPdf,
      firstPdfMs,
      processPeakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
      loadAverage: round(loadavg()[0], 1),
    };
  } finally {
    await printer.onModuleDestroy();
    await dataSource.destroy();
    await store.close();
  }
}

function pdfPages(pdf: Buffer): number | null {
  // Chromium writes one "/Type /Page" object per page (and "/Type /Pages" for the tree).
  const matches = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g);
  return matches ? matches.length : null;
}

/** The figures as lines for the bench's output. */
export function formatReportBench(result: ReportBenchResult): string[] {
  const row = (name: string, timing: Timing, target?: number) =>
    `  ${name.padEnd(34)} p50 ${formatNumber(timing.p50Ms, 1).padStart(8)} ms  (min ${formatNumber(timing.minMs, 1)}, max ${formatNumber(timing.maxMs, 1)}, ${timing.runs} runs)  ` +
    `CPU ${formatNumber(timing.cpuMsPerRun, 1)} ms/run  ${formatNumber(timing.bytes / 1024, 1)} KiB  peak RSS ${formatNumber(timing.peakRssMb, 1)} MB${target === undefined ? '' : timing.p50Ms <= target ? `  ✓ under ${target} ms` : `  ✗ over ${target} ms`}`;
  return [
    `Reports over one network with five years of history: ${formatNumber(result.events)} events (${formatNumber(result.goalEvents)} goal events, ${formatNumber(result.goals)} goals); ` +
      `appended in ${formatNumber(result.loadSeconds, 1)} s, projected in ${formatNumber(result.catchUpSeconds, 1)} s; machine load ${result.loadAverage} (1-min average, ${cpus().length} cores).`,
    row('progress report 2025, JSON', result.yearJson, 500),
    row('progress report 2021–2025, JSON', result.fiveYearJson),
    row('programme history 2020–2025, JSON', result.historyJson),
    row('progress report 2025, Markdown', result.yearMarkdown),
    row('progress report 2025, HTML', result.yearHtml),
    row(`progress report 2025, PDF (${result.yearPdf.pages ?? '?'} pages)`, result.yearPdf, 3000) + `, Chromium peak RSS ${formatNumber(result.yearPdf.chromiumPeakRssMb, 1)} MB`,
    `  first PDF of the process (starts Chromium): ${formatNumber(result.firstPdfMs, 1)} ms; peak RSS of the bench process ${formatNumber(result.processPeakRssMb, 1)} MB`,
  ];
}

if (require.main === module) {
  void (async () => {
    const progress = (line: string) => process.stderr.write(`[report-bench] ${line}\n`);
    const server = await openServer(process.env.DATABASE_URL, progress);
    try {
      const result = await benchReports(await server.createDatabase('reports'), { log: progress, runs: Number(process.env.BENCH_REPORT_RUNS ?? 7) });
      process.stdout.write(`${formatReportBench(result).join('\n')}\n${JSON.stringify({ bench: 'kreislauf-reports', ...result })}\n`);
    } finally {
      await server.close();
    }
  })().catch((error: unknown) => {
    process.stderr.write(`report bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}

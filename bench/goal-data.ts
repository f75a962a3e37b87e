import { randomUUID } from 'node:crypto';
import {
  Assessment,
  ConcretiseGoal,
  GoalDefinition,
  Indicator,
  NetworkRequest,
  RecordMeasurement,
  ReorientGoal,
  ReviewGoal,
} from '@kreislauf/domain';
import { EventMetadata } from '@kreislauf/event-store';

/** Realistic content for networks and goals, varied by index so that rows and payloads differ. */

export type Actor = EventMetadata['actor'];
export const coordinator: Actor = { userId: 'bench-coordination', displayName: 'Netzwerkkoordination', role: 'coordinator' };
export const steeringGroup: Actor = { userId: 'bench-steering-group', displayName: 'Steuerungsgruppe', role: 'steering_group' };

const REGIONS = ['Kreis Viersen', 'Kreis Kleve', 'Rhein-Kreis Neuss', 'Kreis Wesel', 'Städteregion Aachen', 'Kreis Mettmann'];
const DISTRICTS = ['Viersen', 'Nettetal', 'Tönisvorst', 'Willich', 'Kempen', 'Brüggen', null];
const LIFE_PHASES = ['pregnancy', 'age_0_3', 'age_3_6', 'primary_school', 'secondary_school', 'transition_to_work'];
const QUALITY_GOALS = [
  ['participation', 'strengthen_parents_children'],
  ['outreach', 'equity'],
  ['smooth_transitions'],
  ['multiprofessional_cooperation', 'social_inclusion'],
  ['strengthen_parents_children', 'outreach', 'participation'],
];
const STRATEGIC_TITLES = [
  'Präventionskette von der Schwangerschaft bis zum Berufseinstieg schließen',
  'Familien früh, wohnortnah und beteiligungsorientiert erreichen',
  'Übergänge zwischen Kita, Schule und Beruf fließend gestalten',
  'Multiprofessionelle Zusammenarbeit im Sozialraum verankern',
];
const OPERATIONAL_TITLES = [
  'Babylotsinnen in den Geburtskliniken etablieren',
  'Familiencafés in allen Kommunen anbieten',
  'Wartezeit auf eine Familienhebamme verkürzen',
  'Kita-Schule-Tandems bilden',
  'Elternbeteiligung in den Familienzentren stärken',
  'Willkommensbesuche für Neugeborene ausbauen',
];

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length];

/** Network commands without facts from other streams: the same list goes to the network's writes and to the decider. */
export function networkSetup(networkId: string, cycleId: string, index: number): Exclude<NetworkRequest, { type: 'CloseCycle' | 'AdoptLeitbild' }>[] {
  const region = pick(REGIONS, index);
  return [
    {
      type: 'RegisterNetwork',
      networkId,
      data: {
        name: `Netzwerk Frühe Hilfen ${region} ${index + 1}`,
        region,
        responsibleBody: `Jugendamt ${region}`,
        municipalities: ['Brüggen', 'Grefrath', 'Kempen', 'Nettetal', 'Niederkrüchten', 'Schwalmtal', 'Tönisvorst', 'Viersen', 'Willich'],
        programme: 'kinderstark – NRW schafft Chancen',
        registeredOn: '2016-01-01',
      },
    },
    {
      type: 'OpenCycle',
      networkId,
      data: { cycleId, title: 'Qualitätskreislauf 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-15' },
    },
    // Goals need an open cycle, not a phase: the benchmark leaves the Leitbild (and the bodies it needs) aside.
    { type: 'EnterCyclePhase', networkId, data: { cycleId, phase: 'leitbild', enteredOn: '2026-01-20' } },
  ];
}

export type Definition = Omit<GoalDefinition, 'replacesGoalId'>;

export function strategicDefinition(networkId: string, cycleId: string, index: number): Definition {
  return {
    networkId,
    cycleId,
    level: 'strategic',
    parentGoalId: null,
    title: pick(STRATEGIC_TITLES, index),
    description: 'Angebote der Frühen Hilfen und der kommunalen Prävention greifen lückenlos ineinander; Parallelstrukturen werden abgebaut.',
    qualityGoals: pick(QUALITY_GOALS, index),
    lifePhase: null,
    district: null,
    reviewIntervalDays: 180,
    definedOn: '2026-02-01',
    decisionId: null,
    principleKeys: [],
  };
}

export function operationalDefinition(networkId: string, cycleId: string, parentGoalId: string, index: number): Definition {
  return {
    networkId,
    cycleId,
    level: 'operational',
    parentGoalId,
    title: `${pick(OPERATIONAL_TITLES, index)} (${index + 1})`,
    description: 'Familien in belasteten Lebenslagen erhalten schneller eine aufsuchende Begleitung und passende Angebote im Sozialraum.',
    qualityGoals: pick(QUALITY_GOALS, index + 1),
    lifePhase: pick(LIFE_PHASES, index),
    district: pick(DISTRICTS, index),
    reviewIntervalDays: 90,
    definedOn: '2026-02-20',
    decisionId: null,
    principleKeys: [],
  };
}

const indicatorKeys = ['families_reached', 'waiting_days'] as const;

function indicators(index: number): Indicator[] {
  return [
    {
      key: indicatorKeys[0],
      name: 'Erreichte Familien',
      unit: 'Familien pro Halbjahr',
      baseline: 40 + (index % 10),
      target: 120 + (index % 10),
      direction: 'increase',
      dueOn: '2026-12-31',
      impactLevel: 'output',
    },
    {
      key: indicatorKeys[1],
      name: 'Mittlere Wartezeit auf eine Begleitung',
      unit: 'Tage',
      baseline: 42,
      target: 14,
      direction: 'decrease',
      dueOn: '2026-12-31',
      impactLevel: 'outcome',
    },
  ];
}

export function concretise(goalId: string, index: number): ConcretiseGoal {
  return {
    type: 'ConcretiseGoal',
    goalId,
    data: {
      indicators: indicators(index),
      measures: [
        {
          measureId: randomUUID(),
          title: 'Kooperationsvereinbarung mit den Geburtskliniken',
          responsibleOrganisation: 'Kreisjugendamt',
          startsOn: '2026-03-01',
          endsOn: '2026-06-30',
        },
      ],
      concretisedOn: '2026-03-01',
    },
  };
}

const MEASURED_ON = ['2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31'];

/** The n-th measurement of a goal, alternating between its two indicators. */
export function measurement(goalId: string, index: number, n: number): RecordMeasurement {
  const key = indicatorKeys[n % 2];
  const value = key === 'families_reached' ? 50 + n * 9 + (index % 7) : 40 - n * 3;
  return {
    type: 'RecordMeasurement',
    goalId,
    data: { indicatorKey: key, value, measuredOn: pick(MEASURED_ON, n), source: 'Dokumentation der Netzwerkkoordination' },
  };
}

const ASSESSMENTS: Assessment[] = ['on_track', 'at_risk', 'on_track', 'achieved', 'off_track'];

export function review(goalId: string, index: number, n: number): ReviewGoal {
  return {
    type: 'ReviewGoal',
    goalId,
    data: {
      reviewedOn: n === 0 ? '2026-06-15' : '2026-09-15',
      assessment: pick(ASSESSMENTS, index + n),
      evidence: 'Halbjahreszahlen der Lotsinnen, Protokoll der Steuerungsgruppe',
      decisionId: null,
    },
    facts: { decision: null },
  };
}

export function adjust(goalId: string): ReorientGoal {
  return {
    type: 'ReorientGoal',
    goalId,
    data: {
      decision: 'adjust',
      rationale: 'Die Kitas haben zu wenig Zeit; die Steuerungsgruppe konzentriert das Ziel auf Familien mit Unterstützungsbedarf.',
      reorientedOn: '2026-09-20',
      changes: { reviewIntervalDays: 60 },
      replacementGoalId: null,
      decisionId: null,
    },
    facts: { decision: null },
  };
}

/** A sample event payload of typical size, for the raw INSERT comparison. */
export function samplePayload(): object {
  return { type: 'MeasurementRecorded', data: measurement(randomUUID(), 1, 1).data, metadata: sampleMetadata() };
}

function sampleMetadata(): EventMetadata {
  return { actor: coordinator, networkId: randomUUID(), correlationId: randomUUID(), causationId: null, occurredAt: '2026-04-30' };
}

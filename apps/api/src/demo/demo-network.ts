import { GoalContent, Indicator, Measure } from '@kreislauf/domain';

/**
 * A demo network built from public pages of the Netzwerk Frühe Hilfen Kreis Viersen and of the
 * Netzwerkkoordination kommunaler Prävention (kinderstark): one quality cycle with its goals, indicators,
 * measurements, reviews and one reorientation. Ids are fixed so that loading it twice changes nothing.
 */
export const DEMO_NETWORK_ID = '5d1e2f00-7a1b-4c2d-8e3f-000000000001';
export const DEMO_CYCLE_ID = '5d1e2f00-7a1b-4c2d-8e3f-0000000000c1';

export const demoNetwork = {
  name: 'Netzwerk Frühe Hilfen Kreis Viersen',
  region: 'Kreis Viersen (Regierungsbezirk Düsseldorf)',
  responsibleBody: 'Kreisjugendamt Viersen',
  municipalities: ['Brüggen', 'Grefrath', 'Kempen', 'Nettetal', 'Niederkrüchten', 'Schwalmtal', 'Tönisvorst', 'Viersen', 'Willich'],
  programme: 'kinderstark – NRW schafft Chancen',
  registeredOn: '2016-01-01',
};

export const demoCycle = {
  title: 'Qualitätskreislauf 2025/2026',
  periodFrom: '2025-09-01',
  periodTo: '2026-12-31',
  openedOn: '2025-09-01',
  phases: [
    { phase: 'leitbild', enteredOn: '2025-09-15' },
    { phase: 'steering', enteredOn: '2025-11-20' },
    { phase: 'concretisation', enteredOn: '2026-01-20' },
    { phase: 'reflection', enteredOn: '2026-09-10' },
  ] as const,
};

export interface DemoGoal extends GoalContent {
  id: string;
  level: 'strategic' | 'operational';
  parentId: string | null;
  definedOn: string;
  indicators: Indicator[];
  measures: Measure[];
  measurements: { indicatorKey: string; value: number; measuredOn: string; source: string }[];
  review: { reviewedOn: string; assessment: 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'not_assessable'; evidence: string } | null;
}

export const PREVENTION_CHAIN = '5d1e2f00-7a1b-4c2d-8e3f-0000000000a1';
const REACH_FAMILIES = '5d1e2f00-7a1b-4c2d-8e3f-0000000000a2';
export const DEMO_REORIENTED_GOAL_ID = '5d1e2f00-7a1b-4c2d-8e3f-0000000000b2';

export const demoGoals: DemoGoal[] = [
  {
    id: PREVENTION_CHAIN,
    level: 'strategic',
    parentId: null,
    title: 'Präventionskette von der Schwangerschaft bis zum Kita-Eintritt schließen',
    description:
      'Angebote der Frühen Hilfen und der kommunalen Prävention greifen lückenlos ineinander; Parallelstrukturen werden erkannt und abgebaut.',
    qualityGoals: ['smooth_transitions', 'multiprofessional_cooperation'],
    lifePhase: null,
    district: null,
    reviewIntervalDays: 180,
    definedOn: '2025-11-20',
    indicators: [],
    measures: [],
    measurements: [],
    review: { reviewedOn: '2026-09-15', assessment: 'on_track', evidence: 'Bericht der Netzwerkkoordination an die Steuerungsgruppe' },
  },
  {
    id: REACH_FAMILIES,
    level: 'strategic',
    parentId: null,
    title: 'Familien früh, wohnortnah und beteiligungsorientiert erreichen',
    description: 'Kostenfreie, passgenaue und sozialraumorientierte Angebote für (werdende) Eltern mit Kindern von null bis drei Jahren.',
    qualityGoals: ['strengthen_parents_children', 'outreach', 'participation'],
    lifePhase: 'age_0_3',
    district: null,
    reviewIntervalDays: 180,
    definedOn: '2025-11-20',
    indicators: [],
    measures: [],
    measurements: [],
    review: null,
  },
  {
    id: '5d1e2f00-7a1b-4c2d-8e3f-0000000000b1',
    level: 'operational',
    parentId: PREVENTION_CHAIN,
    title: 'Babylotsinnen in den Geburtskliniken etablieren',
    description: 'Lotsinnen sprechen Familien schon in der Geburtsklinik an und vermitteln in passende Angebote.',
    qualityGoals: ['outreach', 'multiprofessional_cooperation'],
    lifePhase: 'pregnancy',
    district: 'Viersen',
    reviewIntervalDays: 90,
    definedOn: '2026-01-20',
    indicators: [
      {
        key: 'families_reached',
        name: 'Durch Lotsinnen erreichte Familien',
        unit: 'Familien pro Halbjahr',
        baseline: 40,
        target: 120,
        direction: 'increase',
        dueOn: '2026-12-31',
        impactLevel: 'output',
      },
    ],
    measures: [
      {
        measureId: '5d1e2f00-7a1b-4c2d-8e3f-0000000000d1',
        title: 'Kooperationsvereinbarung mit den Geburtskliniken',
        responsibleOrganisation: 'Kreisjugendamt Viersen',
        startsOn: '2026-02-01',
        endsOn: '2026-06-30',
      },
    ],
    measurements: [
      { indicatorKey: 'families_reached', value: 65, measuredOn: '2026-03-31', source: 'Dokumentation der Lotsinnen' },
      { indicatorKey: 'families_reached', value: 88, measuredOn: '2026-06-30', source: 'Dokumentation der Lotsinnen' },
    ],
    review: { reviewedOn: '2026-09-15', assessment: 'on_track', evidence: 'Halbjahreszahlen der Lotsinnen, Protokoll der Steuerungsgruppe' },
  },
  {
    id: DEMO_REORIENTED_GOAL_ID,
    level: 'operational',
    parentId: PREVENTION_CHAIN,
    title: 'Übergänge von den Frühen Hilfen in die Kita begleiten',
    description: 'Familien werden beim Wechsel in die Kindertagesbetreuung mit einem Übergabegespräch begleitet.',
    qualityGoals: ['smooth_transitions'],
    lifePhase: 'age_0_3',
    district: 'Tönisvorst',
    reviewIntervalDays: 90,
    definedOn: '2026-01-20',
    indicators: [
      {
        key: 'handover_talks',
        name: 'Übergabegespräche zwischen Frühen Hilfen und Kita',
        unit: 'Gespräche pro Jahr',
        baseline: 10,
        target: 60,
        direction: 'increase',
        dueOn: '2026-12-31',
        impactLevel: 'outcome',
      },
    ],
    measures: [
      {
        measureId: '5d1e2f00-7a1b-4c2d-8e3f-0000000000d2',
        title: 'Leitfaden für Übergabegespräche',
        responsibleOrganisation: 'Arbeitskreis Kitas',
        startsOn: '2026-02-15',
        endsOn: '2026-05-31',
      },
    ],
    measurements: [{ indicatorKey: 'handover_talks', value: 22, measuredOn: '2026-06-30', source: 'Rückmeldungen der Kitas' }],
    review: { reviewedOn: '2026-09-15', assessment: 'at_risk', evidence: 'Nur 22 Gespräche im ersten Halbjahr; Kitas melden fehlende Zeit' },
  },
  {
    id: '5d1e2f00-7a1b-4c2d-8e3f-0000000000b3',
    level: 'operational',
    parentId: REACH_FAMILIES,
    title: 'Familiencafés in allen neun Kommunen anbieten',
    description: 'Offene Treffpunkte für Eltern mit kleinen Kindern, gemeinsam mit den Familienzentren; dazu das Projekt „Schenk mir Zeit“.',
    qualityGoals: ['strengthen_parents_children', 'participation'],
    lifePhase: 'age_0_3',
    district: null,
    reviewIntervalDays: 90,
    definedOn: '2026-01-20',
    indicators: [
      {
        key: 'municipalities_with_cafe',
        name: 'Kommunen mit Familiencafé',
        unit: 'Kommunen',
        baseline: 3,
        target: 9,
        direction: 'increase',
        dueOn: '2026-12-31',
        impactLevel: 'output',
      },
    ],
    measures: [
      {
        measureId: '5d1e2f00-7a1b-4c2d-8e3f-0000000000d3',
        title: '„Schenk mir Zeit“ – Aktivitäten für Kinder und ihre Zeit-Schenkenden',
        responsibleOrganisation: 'Familienzentren im Kreis Viersen',
        startsOn: '2026-03-01',
        endsOn: '2026-12-31',
      },
    ],
    measurements: [{ indicatorKey: 'municipalities_with_cafe', value: 6, measuredOn: '2026-08-31', source: 'Übersicht der Netzwerkkoordination' }],
    review: { reviewedOn: '2026-09-15', assessment: 'on_track', evidence: 'Sechs von neun Kommunen haben ein Familiencafé' },
  },
  {
    id: '5d1e2f00-7a1b-4c2d-8e3f-0000000000b4',
    level: 'operational',
    parentId: REACH_FAMILIES,
    title: 'Wartezeit auf eine Familienhebamme verkürzen',
    description: 'Familien in belasteten Lebenslagen erhalten schneller eine aufsuchende Begleitung.',
    qualityGoals: ['equity', 'outreach'],
    lifePhase: 'age_0_3',
    district: null,
    reviewIntervalDays: 120,
    definedOn: '2026-01-20',
    indicators: [
      {
        key: 'waiting_days',
        name: 'Mittlere Wartezeit auf eine Familienhebamme',
        unit: 'Tage',
        baseline: 42,
        target: 14,
        direction: 'decrease',
        dueOn: '2026-12-31',
        impactLevel: 'outcome',
      },
    ],
    measures: [
      {
        measureId: '5d1e2f00-7a1b-4c2d-8e3f-0000000000d4',
        title: 'Pool von Familienhebammen und FGKiKP kreisweit koordinieren',
        responsibleOrganisation: 'Gesundheitsamt Kreis Viersen',
        startsOn: '2026-02-01',
        endsOn: '2026-12-31',
      },
    ],
    measurements: [{ indicatorKey: 'waiting_days', value: 30, measuredOn: '2026-07-31', source: 'Vermittlungsstatistik' }],
    review: { reviewedOn: '2026-09-16', assessment: 'on_track', evidence: 'Wartezeit von 42 auf 30 Tage gesunken' },
  },
];

export const demoReorientation = {
  goalId: DEMO_REORIENTED_GOAL_ID,
  decision: 'adjust' as const,
  rationale:
    'Die Kitas haben zu wenig Zeit für Übergabegespräche. Die Steuerungsgruppe beschließt, die Gespräche auf Familien mit Unterstützungsbedarf zu konzentrieren und das Ziel enger zu überprüfen.',
  reorientedOn: '2026-09-16',
  changes: { title: 'Übergänge in die Kita für Familien mit Unterstützungsbedarf begleiten', reviewIntervalDays: 60 },
};

export const demoActor = { userId: 'demo-coordination', displayName: 'Netzwerkkoordination Kreis Viersen', role: 'coordinator' };

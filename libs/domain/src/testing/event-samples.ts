import { EventRegistry } from '../event-registry';
import { AnyEvent, AnyEventType } from '../event-registry';

/** The data of the current version of an event type. */
export type EventDataOf<Type extends AnyEventType> = Extract<AnyEvent, { type: Type }>['data'];

type VersionsBelow<Version extends number, Counted extends unknown[] = [unknown]> = number extends Version
  ? never
  : Counted['length'] extends Version
    ? never
    : Counted['length'] | VersionsBelow<Version, [...Counted, unknown]>;

/** The older versions an event type has been stored in: 1 to the current version - 1. */
export type StoredVersionOf<Type extends AnyEventType> = VersionsBelow<EventRegistry[Type]['version']>;

/** An event as an older version of the domain stored it: data of that version's shape, in a stream of its own story. */
export interface StoredSample {
  streamId: string;
  data: Record<string, unknown>;
}

export interface EventSample<Type extends AnyEventType> {
  streamId: string;
  data: EventDataOf<Type>;
  /** One sample of each older version the type has been stored in. */
  stored: { [Version in StoredVersionOf<Type>]: StoredSample };
}

/** A sample of every event type in every version: a type, or a version, without one does not compile. */
export type EventSamples = { [Type in AnyEventType]: EventSample<Type> };

export const SAMPLE_IDS = {
  network: '5a0c0000-0000-4000-8000-000000000001',
  cycle: '5a0c0000-0000-4000-8000-000000000002',
  oldCycle: '5a0c0000-0000-4000-8000-000000000003',
  goal: '5a0c0000-0000-4000-8000-000000000011',
  goalV1: '5a0c0000-0000-4000-8000-000000000012',
  goalV2: '5a0c0000-0000-4000-8000-000000000013',
  organisation: '5a0c0000-0000-4000-8000-000000000020',
  body: '5a0c0000-0000-4000-8000-000000000030',
  meeting: '5a0c0000-0000-4000-8000-000000000040',
  topic: '5a0c0000-0000-4000-8000-000000000041',
  decision: '5a0c0000-0000-4000-8000-000000000042',
  offer: '5a0c0000-0000-4000-8000-000000000050',
  framework: '5a0c0000-0000-4000-8000-000000000060',
  assessment: '5a0c0000-0000-4000-8000-000000000070',
  person: '5a0c0000-0000-4000-8000-000000000080',
  coordinator: 'u-sample-coordinator',
  rater: 'u-sample-rater',
} as const;

const ids = SAMPLE_IDS;
const network = `network-${ids.network}`;
const goal = `goal-${ids.goal}`;
const goalV1 = `goal-${ids.goalV1}`;
const goalV2 = `goal-${ids.goalV2}`;
const organisation = `organisation-${ids.organisation}`;
const body = `body-${ids.body}`;
const meeting = `meeting-${ids.meeting}`;
const offer = `offer-${ids.offer}`;
const framework = `framework-${ids.framework}`;
const assessment = `assessment-${ids.assessment}`;

const itemKey = 'sample.goal.one';

const offerContent = {
  title: 'Elterncafé',
  description: 'Offener Treff für Eltern mit Kindern unter drei Jahren',
  providerOrganisationId: ids.organisation,
  lifePhases: ['age_0_3'],
  districts: ['Nordstadt'],
  targetGroups: ['Alleinerziehende'],
  startsOn: '2026-03-01',
  endsOn: null,
};

const description = {
  name: 'Familienzentrum Nordstadt',
  sector: 'day_care' as const,
  namedInKkg: true,
  tasks: 'Betreuung und Beratung',
  mandates: 'SGB VIII',
  roles: 'Anlaufstelle',
  resources: 'Zwei Fachkräfte',
  limits: 'Keine Hausbesuche',
  contactPerson: null,
};

const goalDefinition = {
  networkId: ids.network,
  cycleId: ids.cycle,
  level: 'operational' as const,
  parentGoalId: null,
  title: 'Mehr Familien erreichen',
  description: 'Familien in der Nordstadt kennen die Angebote',
  qualityGoals: [],
  lifePhase: null,
  district: 'Nordstadt',
  reviewIntervalDays: 90,
  definedOn: '2026-04-01',
  replacesGoalId: null,
};

/**
 * A sample of every event type: in the table's order, the current versions tell one network's story; the
 * stored samples of older versions tell a second story (an older cycle and its goals) after it.
 */
export const EVENT_SAMPLES = {
  NetworkRegistered: {
    streamId: network,
    data: { name: 'Netzwerk Frühe Hilfen Beispielstadt', region: 'Beispielkreis', responsibleBody: 'Jugendamt', municipalities: ['Nordstadt', 'Südstadt'], programme: null, registeredOn: '2026-01-05' },
    stored: {},
  },
  RoleGranted: { streamId: network, data: { userId: ids.rater, role: 'member', grantedOn: '2026-01-06' }, stored: {} },
  LeitbildDrafted: {
    streamId: network,
    data: { version: 1, revisesVersion: null, vision: 'Gutes Aufwachsen für alle Kinder', principles: [{ key: 'P1', text: 'Wir arbeiten zusammen.' }], draftedOn: '2026-01-10' },
    stored: {},
  },
  OrganisationJoined: { streamId: organisation, data: { ...description, networkId: ids.network, joinedOn: '2026-01-12' }, stored: {} },
  OrganisationDescribed: { streamId: organisation, data: { ...description, tasks: 'Betreuung, Beratung und Sprachförderung', describedOn: '2026-01-20' }, stored: {} },
  BodyEstablished: {
    streamId: body,
    data: { networkId: ids.network, kind: 'steering_group', name: 'Steuerungsgruppe', meetingsPerYear: 4, members: [{ organisationId: ids.organisation, representative: null }], establishedOn: '2026-01-25' },
    stored: {},
  },
  BodyMembersChanged: { streamId: body, data: { members: [{ organisationId: ids.organisation, representative: null }], changedOn: '2026-01-28' }, stored: {} },
  MeetingScheduled: { streamId: meeting, data: { networkId: ids.network, bodyId: ids.body, scheduledFor: '2026-02-10', title: 'Erste Sitzung', contactPerson: null }, stored: {} },
  TopicProposed: {
    streamId: meeting,
    data: { topicId: ids.topic, title: 'Leitbild', description: 'Beschluss des Leitbilds', proposedByOrganisationId: ids.organisation, proposedOn: '2026-02-01' },
    stored: {},
  },
  MeetingHeld: { streamId: meeting, data: { heldOn: '2026-02-10', attendance: [ids.organisation] }, stored: {} },
  DecisionRecorded: {
    streamId: meeting,
    data: { decisionId: ids.decision, text: 'Das Leitbild wird beschlossen.', subject: 'leitbild_adoption', topicId: ids.topic, decidedOn: '2026-02-10' },
    stored: {},
  },
  LeitbildAdopted: { streamId: network, data: { version: 1, adoptedOn: '2026-02-10', decisionId: ids.decision, supersedesVersion: null }, stored: {} },
  CycleOpened: {
    streamId: network,
    data: { cycleId: ids.cycle, title: 'Qualitätskreislauf 2026', periodFrom: '2026-02-15', periodTo: '2026-12-31', openedOn: '2026-02-15', carriedOverGoalIds: [] },
    stored: {
      // Version 1 knew nothing of goals carried over.
      1: { streamId: network, data: { cycleId: ids.oldCycle, title: 'Qualitätskreislauf 2027', periodFrom: '2027-01-01', periodTo: '2027-12-31', openedOn: '2027-01-01' } },
    },
  },
  CyclePhaseEntered: { streamId: network, data: { cycleId: ids.cycle, phase: 'steering', enteredOn: '2026-02-20' }, stored: {} },
  FrameworkVersionPublished: {
    streamId: framework,
    data: {
      frameworkId: ids.framework,
      version: 1,
      title: { de: 'Beispielrahmen', en: 'Sample framework' },
      dimensions: [
        {
          key: 'sample',
          number: 1,
          title: { de: 'Zusammenarbeit', en: 'Co-operation' },
          description: null,
          keyQuestions: [],
          themes: [{ key: 'sample.theme', title: { de: 'Steuerung', en: 'Steering' }, goals: [{ key: itemKey, text: { de: 'Die Steuerungsgruppe tagt.', en: 'The steering group meets.' } }] }],
          strategicQuestions: [],
        },
      ],
      publishedOn: '2026-02-16',
    },
    stored: {},
  },
  AssessmentOpened: {
    streamId: assessment,
    data: {
      networkId: ids.network,
      cycleId: ids.cycle,
      frameworkId: ids.framework,
      frameworkVersion: 1,
      dimensionKeys: ['sample'],
      raters: [ids.rater],
      visibility: 'anonymous',
      openedOn: '2026-02-21',
      items: [{ key: itemKey, dimensionKey: 'sample', themeKey: 'sample.theme' }],
    },
    stored: {},
  },
  RatingsSubmitted: { streamId: assessment, data: { raterId: ids.rater, ratings: [{ itemKey, rating: 'partly_reached', comment: 'Tagt selten' }], ratedOn: '2026-02-22' }, stored: {} },
  AssessmentClosed: { streamId: assessment, data: { closedOn: '2026-02-28' }, stored: {} },
  AssessmentItemPrioritised: { streamId: assessment, data: { itemKey, prioritisedOn: '2026-03-01', note: 'Vorrang' }, stored: {} },
  GoalDefined: {
    streamId: goal,
    data: { ...goalDefinition, decisionId: null, principleKeys: [], sourceItem: { assessmentId: ids.assessment, itemKey } },
    stored: {
      // Version 1: before decisions and principles.
      1: { streamId: goalV1, data: { ...goalDefinition, cycleId: ids.oldCycle, title: 'Väter erreichen', definedOn: '2027-01-10' } },
      // Version 2: with decision and principles, before assessment items.
      2: { streamId: goalV2, data: { ...goalDefinition, cycleId: ids.oldCycle, title: 'Hebammen gewinnen', definedOn: '2027-01-11', decisionId: ids.decision, principleKeys: ['P1'] } },
    },
  },
  GoalConcretised: {
    streamId: goal,
    data: {
      indicators: [{ key: 'families', name: 'Erreichte Familien', unit: 'Familien', baseline: 10, target: 40, direction: 'increase', dueOn: '2026-12-31', impactLevel: 'output' }],
      measures: [{ measureId: 'm1', title: 'Flyer', responsibleOrganisation: 'Familienzentrum Nordstadt', startsOn: '2026-04-15', endsOn: '2026-06-30' }],
      concretisedOn: '2026-04-10',
    },
    stored: {},
  },
  MeasurementRecorded: { streamId: goal, data: { indicatorKey: 'families', value: 18, measuredOn: '2026-06-01', source: 'Teilnahmelisten' }, stored: {} },
  GoalReviewed: {
    streamId: goal,
    data: { reviewedOn: '2026-06-10', assessment: 'on_track', evidence: 'Teilnahmelisten', decisionId: null },
    stored: {
      // Version 1: before decisions.
      1: { streamId: goalV1, data: { reviewedOn: '2027-03-10', assessment: 'at_risk', evidence: 'Rückmeldungen' } },
    },
  },
  GoalReoriented: {
    streamId: goal,
    data: { decision: 'continue', rationale: 'Wir bleiben dran.', reorientedOn: '2026-06-20', changes: null, replacementGoalId: null, decisionId: null },
    stored: {
      1: { streamId: goalV1, data: { decision: 'adjust', rationale: 'Enger fassen', reorientedOn: '2027-03-20', changes: { reviewIntervalDays: 60 }, replacementGoalId: null } },
    },
  },
  OfferListed: { streamId: offer, data: { networkId: ids.network, ...offerContent, listedOn: '2026-03-01' }, stored: {} },
  OfferRevised: { streamId: offer, data: { ...offerContent, title: 'Elterncafé Nordstadt', revisedOn: '2026-05-01' }, stored: {} },
  OfferWithdrawn: { streamId: offer, data: { withdrawnOn: '2026-09-30', reason: 'Förderung ausgelaufen' }, stored: {} },
  CycleClosed: {
    streamId: network,
    data: { cycleId: ids.cycle, closedOn: '2026-12-31', carriedOverGoalIds: [] },
    stored: {
      // Version 1 carried no goals over.
      1: { streamId: network, data: { cycleId: ids.oldCycle, closedOn: '2027-12-31' } },
    },
  },
  RoleRevoked: { streamId: network, data: { userId: ids.rater, role: 'member', revokedOn: '2027-01-02' }, stored: {} },
  BodyDissolved: { streamId: body, data: { dissolvedOn: '2027-01-03', reason: 'Aufgabe erfüllt' }, stored: {} },
  OrganisationLeft: { streamId: organisation, data: { leftOn: '2027-01-04', reason: 'Umzug' }, stored: {} },
  PersonalDataErased: { streamId: `person-${ids.person}`, data: { personId: ids.person, networkId: ids.network, erasedOn: '2027-01-05' }, stored: {} },
} as const satisfies EventSamples;

import { randomUUID } from 'node:crypto';
import {
  AGGREGATE_EVENT_REGISTRIES,
  AnyEvent,
  assessmentEventOccurredOn,
  AssessmentEvent,
  bodyEventOccurredOn,
  BodyEvent,
  EVENT_REGISTRY,
  FrameworkEvent,
  goalEventOccurredOn,
  GoalEvent,
  meetingEventOccurredOn,
  MeetingEvent,
  networkEventOccurredOn,
  NetworkEvent,
  offerEventOccurredOn,
  OfferEvent,
  organisationEventOccurredOn,
  OrganisationEvent,
  PersonEvent,
  upcast,
} from '@kreislauf/domain';
import { EVENT_SAMPLES, SAMPLE_IDS, StoredSample } from '@kreislauf/domain/testing/event-samples';
import { NewEvent, PostgresEventStore } from '@kreislauf/event-store';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { createProjections } from '../read-models';
import { openReadModels, untilReadable } from '../testing/read-model-database';
import { poisonedEvents, ProjectionRunner } from './projection-runner';

type SampleType = keyof typeof EVENT_SAMPLES;

const OCCURRED_ON: { [Aggregate in keyof typeof AGGREGATE_EVENT_REGISTRIES]: (event: AnyEvent) => string } = {
  network: (event) => networkEventOccurredOn(event as NetworkEvent),
  goal: (event) => goalEventOccurredOn(event as GoalEvent),
  organisation: (event) => organisationEventOccurredOn(event as OrganisationEvent),
  body: (event) => bodyEventOccurredOn(event as BodyEvent),
  meeting: (event) => meetingEventOccurredOn(event as MeetingEvent),
  offer: (event) => offerEventOccurredOn(event as OfferEvent),
  framework: (event) => (event as FrameworkEvent).data.publishedOn,
  assessment: (event) => assessmentEventOccurredOn(event as AssessmentEvent),
  person: (event) => (event as PersonEvent).data.erasedOn,
};

function occurredOn(event: AnyEvent): string {
  const [aggregate] = Object.entries(AGGREGATE_EVENT_REGISTRIES).find(([, registry]) => event.type in registry)!;
  return OCCURRED_ON[aggregate as keyof typeof OCCURRED_ON](event);
}

/** The sample as the store would have been given it by the version of the domain that wrote it. */
function newEvent(type: SampleType, schemaVersion: number, data: Record<string, unknown>): NewEvent {
  const event = upcast({ type, schemaVersion, data: structuredClone(data) }) as unknown as AnyEvent;
  return {
    eventId: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: {
      actor: { userId: SAMPLE_IDS.coordinator, displayName: 'Koordination', role: 'coordinator' },
      networkId: SAMPLE_IDS.network,
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: occurredOn(event),
    },
  };
}

/**
 * Every event type, in its current version and in every version it was stored in before, appended to a real
 * store and read by every projection through the runner (which upcasts what it reads): nothing is poisoned,
 * and the events of older versions leave the rows their facts mean.
 */
describe('a sample of every event type and stored version, through the projections', () => {
  const types = Object.keys(EVENT_SAMPLES) as SampleType[];
  const appended: { streamId: string; event: NewEvent }[] = [];
  let eventsDb: TestDatabase;
  let readModelsDb: TestDatabase;
  let store: PostgresEventStore;
  let readModels: DataSource;
  const poisonedByRunner: string[] = [];

  const rows = (sql: string, parameters: unknown[] = []) => readModels.query(sql, parameters);

  beforeAll(async () => {
    eventsDb = await createTestDatabase();
    readModelsDb = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: eventsDb.url });
    await store.migrate();
    readModels = await openReadModels(readModelsDb.url);

    for (const type of types) {
      const sample = EVENT_SAMPLES[type];
      appended.push({ streamId: sample.streamId, event: newEvent(type, EVENT_REGISTRY[type].version, sample.data as unknown as Record<string, unknown>) });
    }
    // The older versions tell a story of their own after the current one, oldest version first.
    for (const type of types) {
      const stored = Object.entries(EVENT_SAMPLES[type].stored as Record<number, StoredSample>).sort(([a], [b]) => Number(a) - Number(b));
      for (const [version, sample] of stored) appended.push({ streamId: sample.streamId, event: newEvent(type, Number(version), sample.data) });
    }
    for (const { streamId, event } of appended) await store.append(streamId, [event], 'any');
    await untilReadable(store, appended.length);

    const runner = new ProjectionRunner(readModels, store, createProjections(), { onPoisoned: (projection, event, error) => poisonedByRunner.push(`${projection} ${event.type}: ${String(error)}`) });
    await runner.catchUp();
  });

  afterAll(async () => {
    await readModels?.destroy();
    await store?.close();
    await Promise.all([eventsDb?.drop(), readModelsDb?.drop()]);
  });

  it('appends every event type, and every older version of a versioned one', () => {
    const stored = new Set(appended.map(({ event }) => `${event.type} ${event.schemaVersion}`));
    for (const [type, contract] of Object.entries(EVENT_REGISTRY)) {
      for (let version = 1; version <= contract.version; version += 1) expect(stored).toContain(`${type} ${version}`);
    }
  });

  it('poisons no event in any projection', async () => {
    expect(poisonedByRunner).toEqual([]);
    expect(await poisonedEvents(readModels.manager)).toEqual([]);
  });

  it('logs every event in the audit log, whatever version it was stored in', async () => {
    const logged: { event_id: string }[] = await rows('SELECT event_id FROM rm_audit_log');
    expect(logged.map((row) => row.event_id).sort()).toEqual(appended.map(({ event }) => event.eventId).sort());
  });

  it('projects a goal defined, reviewed and reoriented in version 1 with the later fields at what they meant then', async () => {
    const [goal] = await rows('SELECT title, cycle_id, decision_id, principle_keys, last_review_on::text, last_assessment, review_interval_days FROM rm_goals WHERE id = $1', [SAMPLE_IDS.goalV1]);
    expect(goal).toMatchObject({
      title: 'Väter erreichen',
      cycle_id: SAMPLE_IDS.oldCycle,
      decision_id: null,
      principle_keys: [],
      last_review_on: '2027-03-10',
      last_assessment: 'at_risk',
      review_interval_days: 60,
    });
    const history: { event_type: string }[] = await rows('SELECT event_type FROM rm_goal_history WHERE goal_id = $1 ORDER BY stream_version', [SAMPLE_IDS.goalV1]);
    expect(history.map((row) => row.event_type)).toEqual(['GoalDefined', 'GoalReviewed', 'GoalReoriented']);
  });

  it('projects a goal defined in version 2 with its decision and principles, and from no assessment item', async () => {
    const [goal] = await rows('SELECT * FROM rm_goals WHERE id = $1', [SAMPLE_IDS.goalV2]);
    expect(goal).toMatchObject({ title: 'Hebammen gewinnen', decision_id: SAMPLE_IDS.decision, principle_keys: ['P1'] });
    const derived: { goal_id: string }[] = await rows('SELECT goal_id FROM rm_assessment_item_goals');
    expect(derived.map((row) => row.goal_id)).toEqual([SAMPLE_IDS.goal]);
  });

  it('projects a cycle opened and closed in version 1, which carried no goals over', async () => {
    const [cycle] = await rows('SELECT network_id, opened_on::text, closed_on::text FROM rm_cycles WHERE id = $1', [SAMPLE_IDS.oldCycle]);
    expect(cycle).toMatchObject({ network_id: SAMPLE_IDS.network, opened_on: '2027-01-01', closed_on: '2027-12-31' });
    const goals: { goal_id: string; origin: string; reviews: { decisionId: unknown }[] }[] = await rows('SELECT goal_id, origin, reviews FROM rm_cycle_goals WHERE cycle_id = $1 ORDER BY goal_id', [
      SAMPLE_IDS.oldCycle,
    ]);
    expect(goals.map(({ goal_id, origin }) => [goal_id, origin])).toEqual([
      [SAMPLE_IDS.goalV1, 'defined'],
      [SAMPLE_IDS.goalV2, 'defined'],
    ]);
    expect(goals[0].reviews).toMatchObject([{ assessment: 'at_risk', decisionId: null }]);
  });

  it('projects the current versions: the goal, the cycle, the structure, the offer and the round', async () => {
    const [goal] = await rows('SELECT * FROM rm_goals WHERE id = $1', [SAMPLE_IDS.goal]);
    expect(goal).toMatchObject({ title: 'Mehr Familien erreichen', last_assessment: 'on_track', cycle_id: SAMPLE_IDS.cycle });
    const [cycle] = await rows('SELECT current_phase, closed_on::text FROM rm_cycles WHERE id = $1', [SAMPLE_IDS.cycle]);
    expect(cycle).toMatchObject({ current_phase: 'steering', closed_on: '2026-12-31' });
    expect(await rows('SELECT id FROM rm_assessments')).toEqual([{ id: SAMPLE_IDS.assessment }]);
    expect(await rows('SELECT id FROM rm_offers')).toEqual([{ id: SAMPLE_IDS.offer }]);
  });
});

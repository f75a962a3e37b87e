import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventMetadata, EventStore, formatPosition, NewEvent } from '@kreislauf/event-store';
import { startTestApi, TestApi } from './support/test-api';

/**
 * One event a projection cannot apply (here an actor id that is a list, as a token with `sub: ["a","b"]`
 * once stored) must not stop that projection for everyone: it goes past the event, records it, and
 * /health names it.
 */
describe('an event a projection cannot apply', () => {
  let api: TestApi;
  let networkId: string;
  let poisoned: NewEvent;
  let poisonedPosition: string;
  const streamId = `note-${randomUUID()}`;

  const note = (actor: unknown, text: string): NewEvent => ({
    eventId: randomUUID(),
    type: 'NoteRecorded',
    schemaVersion: 1,
    data: { text },
    metadata: { actor, networkId, correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-01' } as EventMetadata,
  });

  beforeAll(async () => {
    api = await startTestApi();
    networkId = (
      await api.http().post('/api/v1/networks').send({ name: 'Netzwerk Frühe Hilfen Kreis Viersen', region: 'Kreis Viersen', responsibleBody: 'Kreisjugendamt', municipalities: ['Brüggen'], registeredOn: '2016-01-01' }).expect(201)
    ).body.id;
    const store = api.app.get<EventStore>(EVENT_STORE);
    poisoned = note({ userId: ['a', 'b'], role: 'admin' }, 'vergiftet');
    // In one append, so the projection reads them in one batch: the sound ones on both sides still count.
    await store.append(streamId, [note({ userId: 'u-before', role: 'coordinator' }, 'davor'), poisoned, note({ userId: 'u-after', role: 'coordinator' }, 'danach')], 'no_stream');
    const stored = await store.readStream(streamId);
    poisonedPosition = formatPosition(stored[1].position);
  });
  afterAll(() => api.close());

  it('is passed over: the events after it are projected, and reads that wait for later writes answer', async () => {
    await api.grant('coordinator', networkId);
    const cycle = await api.http().post(`/api/v1/networks/${networkId}/cycles`).send({ title: 'Qualitätskreislauf 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-10' }).expect(201);
    const audit = await api.http().get(`/api/v1/networks/${networkId}/audit?limit=100&after=${cycle.body.position}`).expect(200);
    const entries: { type: string; actor: { userId: string } }[] = audit.body.items;
    expect(entries.map((entry) => `${entry.type} ${entry.actor.userId}`)).toEqual(
      expect.arrayContaining(['NoteRecorded u-before', 'NoteRecorded u-after', 'CycleOpened u-coord']),
    );
    expect(entries.filter((entry) => entry.type === 'NoteRecorded')).toHaveLength(2);
  });

  it('is named in /health with its projection, position and error, while the service stays up', async () => {
    const health = await api.anonymous().get('/health').expect(200);
    expect(health.body.status).toBe('ok');
    const { lag, poisoned: named } = health.body.info.projections;
    expect(Object.values(lag).every((count) => count === 0)).toBe(true);
    expect(named).toEqual([
      { projection: 'audit-log', position: poisonedPosition, eventId: poisoned.eventId, streamId, type: 'NoteRecorded', error: expect.stringMatching(/\w/), recordedAt: expect.any(String) },
    ]);
  });
});

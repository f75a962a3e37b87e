/**
 * The contract suite against a live EventStoreDB, e.g.
 *   EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx jest eventstoredb-event-store.int-spec
 *
 * The server may be shared, so each store the suite creates gets a stream prefix of its own: its
 * $all readers see only its streams, and a new one is empty. Streams stay on the server afterwards.
 * One contract test cannot hold on EventStoreDB: "refuses a stored event id in another stream".
 * ESDB has no index of event ids across streams and writes the event again (see
 * EventStoreDbEventStore.append); the api's Idempotency-Key record is what guards retries there.
 */
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, FORWARDS, START } from '@eventstore/db-client';
import { eventStoreContract } from '../event-store.contract';
import { NewEvent } from '../event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (!connectionString) {
  describe('EventStore contract: EventStoreDB', () => {
    it('was not run: EVENTSTORE_CONNECTION_STRING is not set (no EventStoreDB server on this machine); set it to run the contract suite against a live server', () => {
      console.info('EventStoreDB contract run skipped: EVENTSTORE_CONNECTION_STRING is not set (no EventStoreDB server on this machine)');
      expect(connectionString).toBeUndefined();
    });
  });
} else {
  const run = randomUUID().slice(0, 8);
  const newPrefix = () => `contract-${run}-${randomUUID().slice(0, 8)}-`;

  eventStoreContract('EventStoreDB', async () => {
    const store = new EventStoreDbEventStore({ connectionString, streamPrefix: newPrefix(), resubscribeDelayMs: 200 });
    return { store, cleanup: () => store.close() };
  }, { transactions: false });

  describe('EventStoreDbEventStore', () => {
    const streamPrefix = newPrefix();
    let store: EventStoreDbEventStore;
    let raw: EventStoreDBClient;

    beforeAll(() => {
      store = new EventStoreDbEventStore({ connectionString, streamPrefix });
      raw = EventStoreDBClient.connectionString(connectionString);
    });

    afterAll(async () => {
      await store?.close();
      await raw?.dispose();
    });

    it('stores JSON data, and metadata with the schema version and the hash chain, under the prefixed stream name', async () => {
      const event = newEvent('GoalDefined');
      await store.append('goal-1', [event], 'no_stream');

      const [resolved] = await collect(raw.readStream(`${streamPrefix}goal-1`, { fromRevision: START, direction: FORWARDS }));

      expect(resolved.event).toMatchObject({
        id: event.eventId,
        type: 'GoalDefined',
        isJson: true,
        data: event.data,
        metadata: { ...event.metadata, schemaVersion: 3, hashChain: { previousHash: null, hash: expect.stringMatching(/^[0-9a-f]{64}$/), recordedAt: expect.any(String) } },
      });
    });

    it('reports positions on stream reads that equal those on $all (needs server 22.6 or later)', async () => {
      const result = await store.append('goal-2', [newEvent('A'), newEvent('B')], 'no_stream');

      const fromStream = await store.readStream('goal-2');
      const fromAll = (await store.readAll({ limit: 100 })).filter((e) => e.streamId === 'goal-2');

      expect(fromAll.map((e) => e.position)).toEqual(fromStream.map((e) => e.position));
      expect(result.position).toEqual(fromStream[1].position);
    });
  });
}

async function collect<E>(read: AsyncIterable<E>): Promise<E[]> {
  const all: E[] = [];
  for await (const item of read) all.push(item);
  return all;
}

function newEvent(type: string): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 3,
    data: { type, nested: { list: [1, 'two', null] } },
    metadata: {
      actor: { userId: 'user-1', role: 'coordinator' },
      networkId: 'network-1',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2024-03-14T09:30:00.000Z',
    },
  };
}

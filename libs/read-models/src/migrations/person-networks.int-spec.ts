import { randomUUID } from 'node:crypto';
import { NewEvent, PostgresEventStore } from '@kreislauf/event-store';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { readModelDataSourceOptions, READ_MODEL_MIGRATIONS } from '../read-models';
import { PersonNetworks1764800000000 } from './1764800000000-person-networks';

/** An installation upgraded across the person registry: people whose key knows no network yet. */
describe('the person-networks migration', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const kalk = randomUUID();
  const viersen = randomUUID();
  const contact = randomUUID();
  const representative = randomUUID();
  const claimed = randomUUID();
  const unnamed = randomUUID();
  const sealed = (personId: string) => ({ personId, sealed: 'c2VhbGVk' });
  const event = (type: string, networkId: string, data: Record<string, unknown>): NewEvent => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: { userId: 'u-coord', role: 'coordinator' }, networkId, correlationId: randomUUID(), causationId: null, occurredAt: '2026-01-01' },
  });
  const networkOf = async (personId: string) =>
    (await dataSource.query(`SELECT network_id FROM personal_data_keys WHERE person_id = $1`, [personId]))[0].network_id as string | null;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: database.url });
    await store.migrate();
    const before = READ_MODEL_MIGRATIONS.filter((migration) => migration !== PersonNetworks1764800000000);
    const older = new DataSource({ ...readModelDataSourceOptions(database.url, 2), migrations: before });
    await older.initialize();
    await older.runMigrations();
    for (const personId of [contact, representative, unnamed]) {
      await older.query(`INSERT INTO personal_data_keys (person_id, key) VALUES ($1, $2)`, [personId, Buffer.alloc(32, 1)]);
    }
    await older.query(`INSERT INTO personal_data_keys (person_id, key, network_id) VALUES ($1, $2, $3)`, [claimed, Buffer.alloc(32, 2), kalk]);
    await older.destroy();

    const organisationId = randomUUID();
    await store.append(`organisation-${organisationId}`, [event('OrganisationJoined', kalk, { networkId: kalk, name: 'Kita', contactPerson: sealed(contact) })], 'no_stream');
    await store.append(
      `body-${randomUUID()}`,
      [event('BodyEstablished', viersen, { networkId: viersen, members: [{ organisationId: randomUUID(), representative: null }, { organisationId, representative: sealed(representative) }] })],
      'no_stream',
    );
    // Named later in another network (as the hole let it happen): the first network keeps the person.
    await store.append(`meeting-${randomUUID()}`, [event('MeetingScheduled', viersen, { networkId: viersen, contactPerson: sealed(contact) })], 'no_stream');
    await store.append(`meeting-${randomUUID()}`, [event('MeetingScheduled', viersen, { networkId: viersen, contactPerson: sealed(claimed) })], 'no_stream');
    // An erasure names the person, but carries no sealed data: it says nothing about where they were named.
    await store.append(`person-${unnamed}`, [event('PersonalDataErased', viersen, { personId: unnamed, networkId: viersen, erasedOn: '2026-02-01' })], 'no_stream');

    dataSource = new DataSource(readModelDataSourceOptions(database.url, 2));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await store.close();
    await database.drop();
  });

  it('gives each person the network of the first event that carried their sealed data, at any depth', async () => {
    expect(await networkOf(contact)).toBe(kalk);
    expect(await networkOf(representative)).toBe(viersen);
  });

  it('never moves a person who has a network, and leaves people no event named without one', async () => {
    expect(await networkOf(claimed)).toBe(kalk);
    expect(await networkOf(unnamed)).toBeNull();
  });

  it('runs on a database without events (EventStoreDB keeps them elsewhere)', async () => {
    const empty = await createTestDatabase();
    const fresh = new DataSource(readModelDataSourceOptions(empty.url, 2));
    try {
      await fresh.initialize();
      await expect(fresh.runMigrations()).resolves.toHaveLength(READ_MODEL_MIGRATIONS.length);
    } finally {
      await fresh.destroy();
      await empty.drop();
    }
  });
});

import { PostgresEventStore } from '@kreislauf/event-store';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { createProjections } from '../read-models';
import { kreisViersenHistory } from '../testing/kreis-viersen.history';
import { openReadModels, untilReadable } from '../testing/read-model-database';
import { ProjectionLeases } from './projection-leases';
import { ProjectionRunner, readCheckpoint } from './projection-runner';

describe('ProjectionLeases', () => {
  let db: TestDatabase;
  let admin: Client;
  const leases: ProjectionLeases[] = [];
  const leasesOn = () => {
    const created = new ProjectionLeases({ connectionString: db.url, reconnectDelayMs: 50 });
    leases.push(created);
    return created;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new Client({ connectionString: db.url });
    await admin.connect();
  });
  afterEach(async () => {
    await Promise.all(leases.splice(0).map((each) => each.close()));
  });
  afterAll(async () => {
    await admin.end();
    await db.drop();
  });

  it('leases a projection to one holder at a time, and to the next once the holder closes', async () => {
    const first = leasesOn();
    const second = leasesOn();

    expect(await first.acquire('goals')).toBe(true);
    expect(await second.acquire('goals')).toBe(false);
    expect(await second.acquire('networks')).toBe(true);
    expect(await first.acquire('goals')).toBe(true);
    expect(first.names).toEqual(['goals']);
    expect(second.names).toEqual(['networks']);

    await first.close();
    expect(await second.acquire('goals')).toBe(true);
    expect(second.names.sort()).toEqual(['goals', 'networks']);
  });

  it('loses every lease with its connection, and takes them again on a new one', async () => {
    const holder = leasesOn();
    const other = leasesOn();
    expect(await holder.acquire('offers')).toBe(true);
    const { rows } = await admin.query(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 7312 AND objid = hashtext('offers')::oid AND granted`);
    expect(rows).toHaveLength(1);

    // when the server ends the holder's connection
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    await waitFor(() => holder.names.length === 0);

    // then the lease is free for another, and the former holder gets it back once that one lets go
    expect(await other.acquire('offers')).toBe(true);
    expect(await holder.acquire('offers')).toBe(false);
    await other.close();
    await waitFor(async () => (await holder.acquire('offers')) === true);
  });

  it('lets a runner run only the projections it holds', async () => {
    const store = new PostgresEventStore({ connectionString: db.url });
    await store.migrate();
    const { history } = kreisViersenHistory();
    await history.appendTo(store);
    await untilReadable(store, history.eventCount);
    const readModels: DataSource = await openReadModels(db.url);
    const elsewhere = leasesOn();
    expect(await elsewhere.acquire('goal-history')).toBe(true);
    const runner = new ProjectionRunner(readModels, store, createProjections(), { leases: leasesOn(), idlePollMs: 20, leaseRetryMs: 20  });
    try {
      runner.start();
      await waitFor(async () => (await readCheckpoint(readModels.manager, 'goals')) !== null);
      expect(await readCheckpoint(readModels.manager, 'goal-history')).toBeNull();

      await elsewhere.close();
      await waitFor(async () => (await readCheckpoint(readModels.manager, 'goal-history')) !== null);
    } finally {
      await runner.stop();
      await readModels.destroy();
      await store.close();
    }
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

import { allRows } from '@kreislauf/read-models/testing/read-model-database';
import { auditedDatabaseForSuite } from './support/audited-database-suite';
import { brokenChains, PROJECTION_NAMES, rebuiltFromZero, until, writeHistories } from './support/projection-audit';
import { startProjector } from './support/projector-process';

/**
 * A projector process killed with SIGKILL while it catches up under load loses at most the batch it had not
 * committed; a new one continues from the checkpoints, and the read models end as a rebuild from position 0.
 */
describe('a projector killed in the middle of catching up', () => {
  const auditedDatabase = auditedDatabaseForSuite();

  it('is restarted and ends with read models equal to a rebuild from position 0, no event applied twice', async () => {
    const db = auditedDatabase();

    // given a backlog of about 500 events and a projector that catches up in small batches
    await writeHistories(db.store, 12, 4);
    const first = startProjector('projector-killed', db.url, { PROJECTION_BATCH_SIZE: '10' });
    await first.ready();

    // when more is written while it catches up, and it is killed after some batches
    const load = writeHistories(db.store, 6, 2);
    await until(async () => (await db.batches()).length >= 25, 60_000);
    await first.kill('SIGKILL');
    const committedByFirst = await db.batches();
    const lagAtKill = await db.lag();

    // then it was killed in the middle: it had committed batches, and projections were still behind
    expect(committedByFirst.length).toBeGreaterThanOrEqual(25);
    expect(Object.values(lagAtKill).some((lag) => lag > 0)).toBe(true);

    // when another projector starts while the load goes on, and everything has been written
    const second = startProjector('projector-restarted', db.url, { PROJECTION_BATCH_SIZE: '10' });
    await second.ready();
    await load;
    await db.untilProjected();
    await second.kill('SIGTERM');

    // then the second continued where the first stopped: every projection's batches form one chain
    const batches = await db.batches();
    expect(brokenChains(batches)).toEqual([]);
    expect(new Set(batches.slice(committedByFirst.length).map((batch) => batch.appliedBy))).toEqual(new Set(['projector-restarted']));
    expect(new Set(batches.map((batch) => batch.projection))).toEqual(new Set(PROJECTION_NAMES));

    // and the goal history applied each goal event exactly once, the killed batch included
    const applications = await db.historyApplications();
    const goalEvents = await db.goalEventIds();
    expect(applications.size).toBe(goalEvents.length);
    expect([...applications.values()].filter((count) => count !== 1)).toEqual([]);
    expect(new Set(applications.keys())).toEqual(new Set(goalEvents));

    // and every read model equals a rebuild from position 0, row by row
    expect(await allRows(db.readModels)).toEqual(await rebuiltFromZero(db.store));
  }, 150_000);
});

import { allRows } from '@kreislauf/read-models/testing/read-model-database';
import { auditedDatabaseForSuite } from './support/audited-database-suite';
import { brokenChains, PROJECTION_NAMES, rebuiltFromZero, until, writeHistories } from './support/projection-audit';
import { startProjector } from './support/projector-process';

const HANDOVER_LIMIT_MS = 10_000;

/**
 * Two projector processes on one database: each projection is leased to exactly one of them (a session
 * advisory lock on that process's connection). Killing the active one hands its projections to the other.
 * That no event is applied twice is read from two traces the projectors' own transactions leave (see
 * AuditedDatabase): every projection's committed batches form one unbroken chain of checkpoints, and the
 * goal history tried to insert each goal event exactly once; and the read models equal a rebuild from 0.
 */
describe('two projector processes', () => {
  const auditedDatabase = auditedDatabaseForSuite();

  it('run each projection in exactly one of them, and the survivor takes over within 10 s of a SIGKILL', async () => {
    const db = auditedDatabase();

    // given two projectors on one database, the first started first
    await writeHistories(db.store, 4, 2);
    const first = startProjector('projector-first', db.url, { PROJECTION_BATCH_SIZE: '10' });
    await first.ready();
    await until(async () => Object.keys(await db.leaseHolders()).length === PROJECTION_NAMES.length, 30_000);
    const second = startProjector('projector-second', db.url, { PROJECTION_BATCH_SIZE: '10' });
    await second.ready();
    await db.untilProjected();

    // then each projection is leased to exactly one process: the first, which took them all
    const holders = await db.leaseHolders();
    expect(Object.keys(holders).sort()).toEqual([...PROJECTION_NAMES].sort());
    for (const name of PROJECTION_NAMES) expect(holders[name]).toEqual(['projector-first']);

    // when events are written, and the active projector is killed while they are
    const caughtUp = (await db.batches()).length;
    const load = writeHistories(db.store, 8, 2);
    await until(async () => (await db.batches()).length > caughtUp + PROJECTION_NAMES.length, 60_000);
    const batchesBeforeKill = (await db.batches()).length;
    await first.kill('SIGKILL');
    const killedAt = Date.now();

    // then the second holds every lease within 10 seconds
    await until(
      async () => {
        const now = await db.leaseHolders();
        return PROJECTION_NAMES.every((name) => now[name]?.length === 1 && now[name][0] === 'projector-second');
      },
      HANDOVER_LIMIT_MS,
      50,
    );
    const handoverMs = Date.now() - killedAt;
    expect(handoverMs).toBeLessThan(HANDOVER_LIMIT_MS);

    // and it projects everything written before and after the kill
    await load;
    await writeHistories(db.store, 1, 1);
    await db.untilProjected();
    const batches = await db.batches();
    await second.kill('SIGTERM');

    // and every projection was applied by one process at a time: the first up to the kill, the second after
    for (const name of PROJECTION_NAMES) {
      const appliers = batches.filter((batch) => batch.projection === name).map((batch) => batch.appliedBy);
      const switches = appliers.filter((applier, index) => index > 0 && applier !== appliers[index - 1]);
      expect({ name, first: appliers[0], switches }).toEqual({ name, first: 'projector-first', switches: ['projector-second'] });
    }
    expect(new Set(batches.slice(0, batchesBeforeKill).map((batch) => batch.appliedBy))).toEqual(new Set(['projector-first']));

    // and no event was applied twice: unbroken checkpoint chains, each goal event inserted into the history once
    expect(brokenChains(batches)).toEqual([]);
    const applications = await db.historyApplications();
    expect([...applications.values()].filter((count) => count !== 1)).toEqual([]);
    expect(new Set(applications.keys())).toEqual(new Set(await db.goalEventIds()));

    // and the read models equal a rebuild from position 0, row by row
    expect(await allRows(db.readModels)).toEqual(await rebuiltFromZero(db.store));
  }, 150_000);
});

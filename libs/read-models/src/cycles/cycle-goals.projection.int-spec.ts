import { randomUUID } from 'node:crypto';
import { EventHistory } from '../testing/event-history';
import { projectionTestBed, rowsOf } from '../testing/read-model-database';
import { REPLAYS } from '../testing/replays';
import { CycleGoalRow } from './cycle-goal.entity';
import { CycleGoalsProjection } from './cycle-goals.projection';

describe('CycleGoalsProjection', () => {
  const projection = new CycleGoalsProjection();
  const bed = projectionTestBed(projection);

  const network = randomUUID();
  const first = randomUUID();
  const second = randomUUID();
  const kept = randomUUID();
  const retired = randomUUID();
  const lateIdea = randomUUID();

  /** Two cycles: the first defines three goals, reviews and reorients two, retires one; the second carries two over. */
  function twoCycles() {
    return new EventHistory()
      .registerNetwork(network)
      .openCycle(network, first, { title: 'Qualitätskreislauf 2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', openedOn: '2025-01-10' })
      .enterPhase(network, first, 'leitbild', '2025-01-20')
      .adoptLeitbild(network, '2025-02-01')
      .enterPhase(network, first, 'steering', '2025-03-01')
      .defineGoal(kept, { networkId: network, cycleId: first, title: 'Elternbeteiligung stärken', definedOn: '2025-03-10' })
      .defineGoal(retired, { networkId: network, cycleId: first, title: 'Tandems bilden', definedOn: '2025-03-11' })
      .enterPhase(network, first, 'concretisation', '2025-05-01')
      .enterPhase(network, first, 'reflection', '2025-10-01')
      .review(kept, '2025-10-05', 'at_risk')
      .reorient(kept, { decision: 'adjust', reorientedOn: '2025-10-06', changes: { title: 'Elternbeteiligung in allen Familienzentren stärken' } })
      .review(retired, '2025-10-05', 'achieved')
      .reorient(retired, { decision: 'retire', reorientedOn: '2025-10-07' })
      .defineGoal(lateIdea, { networkId: network, cycleId: first, title: 'Vätercafé gründen', definedOn: '2025-10-20' })
      .closeCycle(network, first, '2025-12-15')
      .openCycle(network, second, { title: 'Qualitätskreislauf 2026', openedOn: '2026-01-10' })
      .review(kept, '2026-04-01', 'on_track')
      .storedEvents();
  }

  it('keeps per cycle what it planned, reviewed and changed, and carries the active goals over', async () => {
    await bed.project(twoCycles());

    const rows = await bed.dataSource.manager.find(CycleGoalRow, { order: { title: 'ASC' } });
    const inCycle = (cycleId: string) => rows.filter((row) => row.cycleId === cycleId).map(({ goalId, title, origin, status, current, reviews, reorientations }) => ({ goalId, title, origin, status, current, reviews: reviews.length, reorientations: reorientations.map((r) => r.decision) }));

    expect(inCycle(first)).toEqual([
      { goalId: kept, title: 'Elternbeteiligung in allen Familienzentren stärken', origin: 'defined', status: 'active', current: false, reviews: 1, reorientations: ['adjust'] },
      { goalId: retired, title: 'Tandems bilden', origin: 'defined', status: 'retired', current: true, reviews: 1, reorientations: ['retire'] },
      { goalId: lateIdea, title: 'Vätercafé gründen', origin: 'defined', status: 'active', current: false, reviews: 0, reorientations: [] },
    ]);
    expect(inCycle(second)).toEqual([
      { goalId: kept, title: 'Elternbeteiligung in allen Familienzentren stärken', origin: 'carried_over', status: 'active', current: true, reviews: 1, reorientations: [] },
      { goalId: lateIdea, title: 'Vätercafé gründen', origin: 'carried_over', status: 'active', current: true, reviews: 0, reorientations: [] },
    ]);
  });

  it.each(REPLAYS)('%s leaves the rows of applying every event once', async (_, batchesOf) => {
    const events = twoCycles();
    await bed.project(events);
    const once = await rowsOf(bed.dataSource, 'rm_cycle_goals');
    await bed.dataSource.query('TRUNCATE rm_cycle_goals');

    await bed.project(...batchesOf(events));

    expect(await rowsOf(bed.dataSource, 'rm_cycle_goals')).toEqual(once);
  });
});

import { randomUUID } from 'node:crypto';
import { GoalDefinition } from '@kreislauf/domain';
import { coordinator, decrease, EventHistory, increase, measure, steeringGroup } from '../testing/event-history';
import { kreisViersenHistory } from '../testing/kreis-viersen.history';
import { projectionTestBed, rowsOf } from '../testing/read-model-database';
import { REPLAYS } from '../testing/replays';
import { GoalRow } from './goal.entities';
import { GoalsProjection } from './goals.projection';

describe('GoalsProjection', () => {
  const projection = new GoalsProjection();
  const bed = projectionTestBed(projection);
  const { project } = bed;

  async function goalRow(id: string): Promise<GoalRow> {
    return bed.dataSource.manager.findOneByOrFail(GoalRow, { id });
  }

  describe('applied again', () => {
    const events = kreisViersenHistory().history.storedEvents();

    it.each(REPLAYS)('%s leaves the rows of applying every event once', async (_, batchesOf) => {
      // given the rows after every event once
      await project(events);
      const once = await rowsOf(bed.dataSource, 'rm_goals');
      await bed.dataSource.query('TRUNCATE rm_goals');

      // when the events are applied again
      await project(...batchesOf(events));

      // then the rows are the same
      expect(await rowsOf(bed.dataSource, 'rm_goals')).toEqual(once);
    });
  });

  const networkId = randomUUID();
  const cycleId = randomUUID();
  const strategicId = randomUUID();
  const goalId = randomUUID();

  /** A network with an open cycle, a strategic goal and under it an operational goal defined on 2026-03-10. */
  function anOperationalGoal(definition: Partial<GoalDefinition> = {}): EventHistory {
    return new EventHistory()
      .registerNetwork(networkId)
      .openCycle(networkId, cycleId)
      .defineGoal(strategicId, { networkId, cycleId, definedOn: '2026-03-01', reviewIntervalDays: 180 })
      .defineGoal(goalId, {
        networkId,
        cycleId,
        parentGoalId: strategicId,
        title: 'Elternbeteiligung stärken',
        qualityGoals: ['participation'],
        lifePhase: 'age_3_6',
        district: 'Tönisvorst',
        definedOn: '2026-03-10',
        reviewIntervalDays: 90,
        ...definition,
      });
  }

  describe('a defined goal', () => {
    it('is active, without progress, due for review one interval after its definition', async () => {
      // given / when
      await project(anOperationalGoal().storedEvents());

      // then
      expect(await goalRow(goalId)).toMatchObject({
        networkId,
        cycleId,
        parentGoalId: strategicId,
        level: 'operational',
        title: 'Elternbeteiligung stärken',
        qualityGoals: ['participation'],
        lifePhase: 'age_3_6',
        district: 'Tönisvorst',
        status: 'active',
        definedOn: '2026-03-10',
        lastReviewOn: null,
        lastAssessment: null,
        nextReviewOn: '2026-06-08',
        progressPercent: null,
        indicators: [],
        reviews: [],
        version: 0,
      });
      expect(await goalRow(strategicId)).toMatchObject({ level: 'strategic', parentGoalId: null, nextReviewOn: '2026-08-28' });
    });
  });

  describe('indicator progress', () => {
    it('measures from baseline towards target, for indicators that should increase and decrease', async () => {
      // given an indicator to increase from 4 to 12 and one to decrease from 10 to 4
      const history = anOperationalGoal().concretise(goalId, '2026-04-01', [increase('parents', 4, 12), decrease('waiting_weeks', 10, 4)], [measure('Elterncafé')]);

      // when 6 parents and 7 weeks are measured
      history.measure(goalId, 'parents', 6, '2026-06-01').measure(goalId, 'waiting_weeks', 7, '2026-06-01');
      await project(history.storedEvents());

      // then the indicators are a quarter and half way, and the goal at their average
      const row = await goalRow(goalId);
      expect(row.indicators.map(({ key, latestValue, progressPercent }) => ({ key, latestValue, progressPercent }))).toEqual([
        { key: 'parents', latestValue: 6, progressPercent: 25 },
        { key: 'waiting_weeks', latestValue: 7, progressPercent: 50 },
      ]);
      expect(row.progressPercent).toBe(37.5);
      expect(row.measures).toEqual([expect.objectContaining({ title: 'Elterncafé' })]);
    });

    it('is clamped to 0–100 in both directions', async () => {
      // given four indicators
      const history = anOperationalGoal().concretise(goalId, '2026-04-01', [
        increase('beyond_target_up', 4, 12),
        increase('below_baseline_up', 4, 12),
        decrease('beyond_target_down', 10, 4),
        decrease('above_baseline_down', 10, 4),
      ]);

      // when each is measured past its target or on the wrong side of its baseline
      history
        .measure(goalId, 'beyond_target_up', 20, '2026-06-01')
        .measure(goalId, 'below_baseline_up', 2, '2026-06-01')
        .measure(goalId, 'beyond_target_down', 1, '2026-06-01')
        .measure(goalId, 'above_baseline_down', 15, '2026-06-01');
      await project(history.storedEvents());

      // then
      const row = await goalRow(goalId);
      expect(Object.fromEntries(row.indicators.map((indicator) => [indicator.key, indicator.progressPercent]))).toEqual({
        beyond_target_up: 100,
        below_baseline_up: 0,
        beyond_target_down: 100,
        above_baseline_down: 0,
      });
      expect(row.progressPercent).toBe(50);
    });

    it('takes the latest measurement by date, not by the order they were recorded', async () => {
      // given a measurement of June, and one of May recorded afterwards
      const history = anOperationalGoal()
        .concretise(goalId, '2026-04-01', [increase('parents', 4, 12)])
        .measure(goalId, 'parents', 8, '2026-06-01', 'Anwesenheitslisten')
        .measure(goalId, 'parents', 5, '2026-05-01', 'nachgetragen');

      // when
      await project(history.storedEvents());

      // then June's value counts, and the measurements are in date order
      const [indicator] = (await goalRow(goalId)).indicators;
      expect(indicator).toMatchObject({ latestValue: 8, latestMeasuredOn: '2026-06-01', progressPercent: 50 });
      expect(indicator.measurements).toEqual([
        { value: 5, measuredOn: '2026-05-01', source: 'nachgetragen' },
        { value: 8, measuredOn: '2026-06-01', source: 'Anwesenheitslisten' },
      ]);
    });

    it('counts an indicator without measurement as 0 in the goal progress', async () => {
      // given two indicators, of which only one is measured, at its target
      const history = anOperationalGoal()
        .concretise(goalId, '2026-04-01', [increase('parents', 4, 12)])
        .concretise(goalId, '2026-05-01', [increase('cafes', 0, 3)])
        .measure(goalId, 'parents', 12, '2026-06-01');

      // when
      await project(history.storedEvents());

      // then
      const row = await goalRow(goalId);
      expect(row.indicators.map((indicator) => [indicator.key, indicator.latestValue, indicator.progressPercent])).toEqual([
        ['parents', 12, 100],
        ['cafes', null, 0],
      ]);
      expect(row.progressPercent).toBe(50);
    });
  });

  describe('reviews', () => {
    it('set the last assessment and the next review one interval after the review', async () => {
      // given / when a goal reviewed on 2026-06-10 as at risk
      await project(anOperationalGoal().as(coordinator).review(goalId, '2026-06-10', 'at_risk', 'Nur 6 Eltern aktiv').storedEvents());

      // then
      expect(await goalRow(goalId)).toMatchObject({
        lastReviewOn: '2026-06-10',
        lastAssessment: 'at_risk',
        nextReviewOn: '2026-09-08',
        reviews: [{ reviewedOn: '2026-06-10', assessment: 'at_risk', evidence: 'Nur 6 Eltern aktiv', reviewedBy: 'Anna Berger' }],
      });
    });

    it('keep the latest review by date when an older one is recorded later', async () => {
      // given a review of June, and one of May recorded afterwards by someone without a display name
      const history = anOperationalGoal().review(goalId, '2026-06-10', 'at_risk').as(steeringGroup).review(goalId, '2026-05-02', 'on_track');

      // when
      await project(history.storedEvents());

      // then June's review still decides, and both are listed
      const row = await goalRow(goalId);
      expect(row).toMatchObject({ lastReviewOn: '2026-06-10', lastAssessment: 'at_risk', nextReviewOn: '2026-09-08' });
      expect(row.reviews.map((review) => [review.reviewedOn, review.reviewedBy])).toEqual([
        ['2026-06-10', 'Anna Berger'],
        ['2026-05-02', steeringGroup.userId],
      ]);
    });
  });

  describe('reorientations', () => {
    const reviewed = () => anOperationalGoal().review(goalId, '2026-06-10', 'off_track');

    it('retire the goal: no further review is due', async () => {
      const history = reviewed().reorient(goalId, { decision: 'retire', reorientedOn: '2026-06-20', rationale: 'Kein Bedarf mehr' });
      await project(history.storedEvents());

      const row = await goalRow(goalId);
      const reorientedEvent = history.storedEvents().find((event) => event.type === 'GoalReoriented')!;
      expect(row).toMatchObject({ status: 'retired', nextReviewOn: null, lastAssessment: 'off_track', replacedByGoalId: null });
      expect(row.reorientations).toEqual([
        {
          eventId: reorientedEvent.eventId,
          reorientedOn: '2026-06-20',
          decision: 'retire',
          rationale: 'Kein Bedarf mehr',
          changes: null,
          replacementGoalId: null,
          decidedBy: 'Anna Berger',
          decisionId: null,
        },
      ]);
    });

    it('replace the goal by a new one, and the two rows point at each other', async () => {
      // given a goal replaced, and its replacement defined
      const replacementId = randomUUID();
      const history = reviewed()
        .reorient(goalId, { decision: 'replace', reorientedOn: '2026-06-20', replacementGoalId: replacementId })
        .defineGoal(replacementId, { networkId, cycleId, parentGoalId: strategicId, definedOn: '2026-06-21', replacesGoalId: goalId });

      // when
      await project(history.storedEvents());

      // then
      expect(await goalRow(goalId)).toMatchObject({ status: 'replaced', replacedByGoalId: replacementId, nextReviewOn: null });
      expect(await goalRow(replacementId)).toMatchObject({ status: 'active', replacesGoalId: goalId, replacedByGoalId: null, nextReviewOn: '2026-09-19' });
    });

    it('adjust the changed fields, keep the others, and move the next review to the new interval', async () => {
      // given a goal reviewed on 2026-06-10 with a 90-day interval, then adjusted
      const history = reviewed().reorient(goalId, {
        decision: 'adjust',
        reorientedOn: '2026-06-20',
        changes: { title: 'Elternbeteiligung in allen Familienzentren stärken', qualityGoals: ['participation', 'outreach'], reviewIntervalDays: 30 },
      });

      // when
      await project(history.storedEvents());

      // then
      const row = await goalRow(goalId);
      expect(row).toMatchObject({
        status: 'active',
        title: 'Elternbeteiligung in allen Familienzentren stärken',
        qualityGoals: ['participation', 'outreach'],
        reviewIntervalDays: 30,
        description: 'Familien mit kleinen Kindern finden früh passende Unterstützung.',
        lifePhase: 'age_3_6',
        district: 'Tönisvorst',
        nextReviewOn: '2026-07-10',
      });
      expect(row.reorientations[0].changes).toEqual({
        title: 'Elternbeteiligung in allen Familienzentren stärken',
        qualityGoals: ['participation', 'outreach'],
        reviewIntervalDays: 30,
      });
    });

    it('continue the goal unchanged but for the reorientation on record', async () => {
      // given the row of a reviewed goal
      const history = reviewed();
      await project(history.storedEvents());
      const { reorientations: noReorientations, version: reviewedVersion, ...reviewedGoal } = await goalRow(goalId);
      await bed.dataSource.query('TRUNCATE rm_goals');

      // when the goal is continued after that review
      await project(history.reorient(goalId, { decision: 'continue', reorientedOn: '2026-06-20' }).storedEvents());

      // then only the reorientation and the version changed
      const { reorientations, version, ...continuedGoal } = await goalRow(goalId);
      expect(continuedGoal).toEqual(reviewedGoal);
      expect(noReorientations).toEqual([]);
      expect(reorientations.map((reorientation) => reorientation.decision)).toEqual(['continue']);
      expect(version).toBe(reviewedVersion + 1);
    });
  });
});

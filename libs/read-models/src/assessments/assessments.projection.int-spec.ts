import { randomUUID } from 'node:crypto';
import { NZFH_FRAMEWORK_ID, NZFH_FRAMEWORK_V1 } from '@kreislauf/domain';
import { projectionTestBed, rowsOf } from '../testing/read-model-database';
import { REPLAYS } from '../testing/replays';
import { AssessmentHistory } from './assessment-history';
import { AssessmentItemGoalRow, AssessmentItemRow, AssessmentRow, FrameworkVersionRow } from './assessment.entities';
import { AssessmentsProjection } from './assessments.projection';
import { FrameworksProjection } from './frameworks.projection';

const anna = { userId: 'u-anna', displayName: 'Anna Berger', role: 'coordinator' };
const ben = { userId: 'u-ben', displayName: 'Ben Yılmaz', role: 'member' };
const carla = { userId: 'u-carla', displayName: 'Carla Roth', role: 'steering' };
const STEERING = 'network.actors.strategic_steering';
const REVIEW = 'network.goals.review_system';
const MATERIALS = 'network.public_relations.materials';

describe('AssessmentsProjection', () => {
  const projection = new AssessmentsProjection();
  const bed = projectionTestBed(projection);
  const { project } = bed;
  const networkId = randomUUID();
  const cycleId = randomUUID();

  /** Two rounds: the first rated by three, revised once, closed, two priorities and a goal from one; the second still open. */
  function twoRounds(first: string, second: string, goalId: string) {
    return new AssessmentHistory(networkId, cycleId)
      .open(first)
      .rate(first, anna, { [STEERING]: 'partly_reached', [REVIEW]: 'not_reached', [MATERIALS]: 'largely_reached' })
      .rate(first, ben, { [STEERING]: 'largely_reached', [REVIEW]: 'fully_reached', [MATERIALS]: 'cannot_judge' }, '2026-02-06', 'Aus Sicht der Kitas')
      .rate(first, carla, { [STEERING]: 'largely_reached', [REVIEW]: 'partly_reached' })
      .rate(first, anna, { [STEERING]: 'largely_reached' }, '2026-02-10', 'Nach der letzten Sitzung')
      .close(first)
      .prioritise(first, REVIEW)
      .prioritise(first, MATERIALS, '2026-02-26')
      .deriveGoal(goalId, first, REVIEW)
      .open(second, { openedOn: '2026-03-01', visibility: 'anonymous', raters: ['u-anna', 'u-ben'] })
      .rate(second, ben, { [REVIEW]: 'largely_reached' }, '2026-03-02')
      .storedEvents();
  }

  describe('applied again', () => {
    const events = twoRounds(randomUUID(), randomUUID(), randomUUID());
    const tables = projection.tables;

    it('is a history long enough for every replay', () => {
      expect(events.length).toBeGreaterThanOrEqual(11);
    });

    it.each(REPLAYS)('%s leaves the rows of applying every event once', async (_, batchesOf) => {
      await project(events);
      const once = await Promise.all(tables.map((table) => rowsOf(bed.dataSource, table)));
      expect(once.map((rows) => rows.length)).toEqual([2, 26, 9, 1]);
      await bed.dataSource.query(`TRUNCATE ${tables.join(', ')}`);

      await project(...batchesOf(events));

      expect(await Promise.all(tables.map((table) => rowsOf(bed.dataSource, table)))).toEqual(once);
    });
  });

  describe('a closed round', () => {
    const first = randomUUID();
    const second = randomUUID();
    const goalId = randomUUID();
    const item = (assessmentId: string, key: string) => bed.dataSource.manager.findOneByOrFail(AssessmentItemRow, { assessmentId, key });

    beforeEach(() => project(twoRounds(first, second, goalId)));

    it('carries the round, who submitted, and its closing', async () => {
      expect(await bed.dataSource.manager.findOneByOrFail(AssessmentRow, { id: first })).toEqual({
        id: first,
        networkId,
        cycleId,
        frameworkId: NZFH_FRAMEWORK_ID,
        frameworkVersion: 1,
        dimensionKeys: ['network'],
        raters: ['u-anna', 'u-ben', 'u-carla'],
        visibility: 'named',
        status: 'closed',
        openedOn: '2026-02-01',
        closedOn: '2026-02-20',
        submittedBy: ['u-anna', 'u-ben', 'u-carla'],
        version: 7,
      });
    });

    it('has per development goal the distribution, the median and Leik’s divergence over the current ratings', async () => {
      // Anna revised "partly" to "largely": all three agree.
      expect(await item(first, STEERING)).toMatchObject({
        position: 3,
        dimensionKey: 'network',
        themeKey: 'network.actors',
        counts: { not_reached: 0, partly_reached: 0, largely_reached: 3, fully_reached: 0, cannot_judge: 0 },
        rated: 3,
        median: 3,
        divergence: 0,
      });
      expect(await item(first, REVIEW)).toMatchObject({ rated: 3, median: 2, divergence: 0.667, prioritisedOn: '2026-02-25', priorityNote: 'Im Dialog vereinbart' });
      expect(await item(first, MATERIALS)).toMatchObject({ rated: 1, cannotJudge: 1, median: 3, divergence: 0, prioritisedOn: '2026-02-26' });
      expect(await item(first, 'network.actors.overview')).toMatchObject({ rated: 0, median: null, divergence: null, prioritisedOn: null });
    });

    it('keeps each rater’s latest rating with their name and comment', async () => {
      const ratings = await rowsOf(bed.dataSource, 'rm_assessment_ratings');
      expect(ratings.filter((rating) => rating.assessment_id === first && rating.item_key === STEERING)).toEqual([
        expect.objectContaining({ rater_id: 'u-anna', rater_name: 'Anna Berger', rating: 'largely_reached', comment: 'Nach der letzten Sitzung' }),
        expect.objectContaining({ rater_id: 'u-ben', rater_name: 'Ben Yılmaz', rating: 'largely_reached', comment: 'Aus Sicht der Kitas' }),
        expect.objectContaining({ rater_id: 'u-carla', rating: 'largely_reached' }),
      ]);
    });

    it('links the goal derived from a priority to its development goal', async () => {
      expect(await bed.dataSource.manager.findBy(AssessmentItemGoalRow, { assessmentId: first })).toEqual([
        { goalId, assessmentId: first, itemKey: REVIEW, networkId, cycleId, level: 'strategic', title: 'Ziele regelmäßig gemeinsam überprüfen', definedOn: '2026-03-01' },
      ]);
    });

    it('keeps an open round open, with the raters who submitted so far', async () => {
      expect(await bed.dataSource.manager.findOneByOrFail(AssessmentRow, { id: second })).toMatchObject({ status: 'open', visibility: 'anonymous', submittedBy: ['u-ben'], closedOn: null });
    });
  });
});

describe('FrameworksProjection', () => {
  const projection = new FrameworksProjection();
  const bed = projectionTestBed(projection);

  it('keeps each published version once, however often it is applied', async () => {
    const content = { title: NZFH_FRAMEWORK_V1.title, dimensions: NZFH_FRAMEWORK_V1.dimensions.slice(0, 3) };
    const events = new AssessmentHistory(randomUUID(), randomUUID()).publishFramework(NZFH_FRAMEWORK_ID, content, '2026-05-01').storedEvents();

    await bed.project(events, events);

    expect(await bed.dataSource.manager.find(FrameworkVersionRow)).toEqual([{ frameworkId: NZFH_FRAMEWORK_ID, version: 2, publishedOn: '2026-05-01', ...content }]);
  });
});

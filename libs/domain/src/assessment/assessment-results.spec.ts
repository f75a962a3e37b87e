import { Rating } from './assessment.commands';
import { agendaOrder, compareResults, itemResult, leikDispersion, ordinalMedian } from './assessment-results';

const many = (rating: Rating, count: number): Rating[] => Array.from({ length: count }, () => rating);

describe('assessment results', () => {
  it('count every answer, and leave "cannot judge" out of the median and the divergence', () => {
    const result = itemResult(['partly_reached', 'largely_reached', 'largely_reached', 'cannot_judge']);

    expect(result).toEqual({
      counts: { not_reached: 0, partly_reached: 1, largely_reached: 2, fully_reached: 0, cannot_judge: 1 },
      rated: 3,
      cannotJudge: 1,
      median: 3,
      divergence: 0.222,
    });
  });

  it('take the midpoint of the two middle ratings as the median of an even count', () => {
    expect(ordinalMedian([1, 2, 3, 4])).toBe(2.5);
    expect(ordinalMedian([2, 2, 3, 3])).toBe(2.5);
    expect(ordinalMedian([4, 1, 4])).toBe(4);
    expect(ordinalMedian([])).toBeNull();
  });

  it('measure divergence as Leik’s D: 0 when all agree, 1 when split between both ends, in between otherwise', () => {
    expect(leikDispersion([0, 5, 0, 0])).toBe(0);
    expect(leikDispersion([3, 0, 0, 3])).toBe(1);
    expect(leikDispersion([1, 1, 1, 1])).toBe(0.667);
    expect(leikDispersion([0, 3, 3, 0])).toBe(0.333);
    expect(itemResult(many('cannot_judge', 2)).divergence).toBeNull();
  });

  it('put the widest disagreement first on the agenda, goals without ratings last', () => {
    const items = [
      { key: 'agreed', position: 0, result: itemResult(many('largely_reached', 4)) },
      { key: 'unrated', position: 1, result: itemResult(['cannot_judge']) },
      { key: 'split', position: 2, result: itemResult([...many('not_reached', 2), ...many('fully_reached', 2)]) },
      { key: 'spread', position: 3, result: itemResult(['not_reached', 'partly_reached', 'largely_reached', 'fully_reached']) },
    ];

    expect(agendaOrder(items).map((item) => item.key)).toEqual(['split', 'spread', 'agreed', 'unrated']);
  });

  it('compare two rounds per item: how the median and the divergence moved', () => {
    const before = new Map([
      ['a', itemResult(['not_reached', 'fully_reached', 'partly_reached'])],
      ['b', itemResult(['largely_reached'])],
      ['only_before', itemResult(['largely_reached'])],
    ]);
    const after = new Map([
      ['a', itemResult(['largely_reached', 'largely_reached', 'fully_reached'])],
      ['b', itemResult(['cannot_judge'])],
    ]);

    const changes = compareResults(before, after);

    expect(changes.map(({ itemKey, medianChange, divergenceChange }) => ({ itemKey, medianChange, divergenceChange }))).toEqual([
      { itemKey: 'a', medianChange: 1, divergenceChange: -0.445 },
      { itemKey: 'b', medianChange: null, divergenceChange: null },
    ]);
  });
});

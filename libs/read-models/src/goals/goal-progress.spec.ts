import { averageProgress, indicatorProgress } from './goal-progress';

describe('indicator progress', () => {
  it('is the share of the way from baseline to target for an indicator that should increase', () => {
    expect(indicatorProgress({ baseline: 4, target: 12, latestValue: 6 })).toBe(25);
    expect(indicatorProgress({ baseline: 4, target: 12, latestValue: 12 })).toBe(100);
  });

  it('is the share of the way from baseline to target for an indicator that should decrease', () => {
    expect(indicatorProgress({ baseline: 10, target: 4, latestValue: 7 })).toBe(50);
    expect(indicatorProgress({ baseline: 10, target: 4, latestValue: 4 })).toBe(100);
  });

  it('stays at 100 beyond the target, in both directions', () => {
    expect(indicatorProgress({ baseline: 4, target: 12, latestValue: 20 })).toBe(100);
    expect(indicatorProgress({ baseline: 10, target: 4, latestValue: 1 })).toBe(100);
  });

  it('stays at 0 when the value moved away from the target, in both directions', () => {
    expect(indicatorProgress({ baseline: 4, target: 12, latestValue: 3 })).toBe(0);
    expect(indicatorProgress({ baseline: 10, target: 4, latestValue: 13 })).toBe(0);
  });

  it('is 0 at the baseline and without a measurement', () => {
    expect(indicatorProgress({ baseline: 4, target: 12, latestValue: 4 })).toBe(0);
    expect(indicatorProgress({ baseline: 4, target: 12, latestValue: null })).toBe(0);
  });

  it('is 0 when target and baseline are the same, rather than dividing by zero', () => {
    expect(indicatorProgress({ baseline: 5, target: 5, latestValue: 7 })).toBe(0);
  });

  it('is rounded to one decimal', () => {
    expect(indicatorProgress({ baseline: 0, target: 3, latestValue: 1 })).toBe(33.3);
    expect(indicatorProgress({ baseline: 0, target: 3, latestValue: 2 })).toBe(66.7);
    expect(indicatorProgress({ baseline: 40, target: 80, latestValue: 38.5 })).toBe(0);
    expect(indicatorProgress({ baseline: 0.1, target: 0.4, latestValue: 0.2 })).toBe(33.3);
  });
});

describe('average progress', () => {
  it('is the mean of the percentages, rounded to one decimal', () => {
    expect(averageProgress([25, 50])).toBe(37.5);
    expect(averageProgress([100, 0, 0])).toBe(33.3);
    expect(averageProgress([33.3, 66.7, 100])).toBe(66.7);
  });

  it('leaves out unknown values', () => {
    expect(averageProgress([80, null, 40])).toBe(60);
  });

  it('is null when nothing is known', () => {
    expect(averageProgress([])).toBeNull();
    expect(averageProgress([null, null])).toBeNull();
  });
});

import { fieldChanges } from './field-changes';

describe('fieldChanges', () => {
  const indicator = (key: string, latestValue: number | null, measurements: { value: number; measuredOn: string }[] = []) => ({ key, name: key, latestValue, measurements });

  it('finds nothing between equal values', () => {
    expect(fieldChanges({ status: 'active', indicators: [indicator('a', 1)] }, { status: 'active', indicators: [indicator('a', 1)] })).toEqual([]);
  });

  it('names each changed field by its path, before and after', () => {
    expect(fieldChanges({ status: 'active', title: 'A', nextReviewOn: '2026-06-08' }, { status: 'retired', title: 'A', nextReviewOn: null })).toEqual([
      { path: 'status', before: 'active', after: 'retired' },
      { path: 'nextReviewOn', before: '2026-06-08', after: null },
    ]);
  });

  it('matches indicators by key and measurements by their day, so an earlier measurement shows as one added item', () => {
    const before = { indicators: [indicator('cafes', 6, [{ value: 6, measuredOn: '2026-06-30' }]), indicator('visits', 1)] };
    const after = {
      indicators: [indicator('visits', 1), indicator('cafes', 6, [{ value: 5, measuredOn: '2026-05-15' }, { value: 6, measuredOn: '2026-06-30' }])],
    };

    expect(fieldChanges(before, after)).toEqual([{ path: 'indicators[cafes].measurements[2026-05-15]', before: null, after: { value: 5, measuredOn: '2026-05-15' } }]);
  });

  it('matches measures by id, and shows added and removed items whole', () => {
    const measure = (measureId: string, title: string) => ({ measureId, title });
    expect(fieldChanges({ measures: [measure('m1', 'Elterncafé'), measure('m2', 'Besuche')] }, { measures: [measure('m1', 'Elterncafé am Abend'), measure('m3', 'Lotsen')] })).toEqual([
      { path: 'measures[m1].title', before: 'Elterncafé', after: 'Elterncafé am Abend' },
      { path: 'measures[m3]', before: null, after: measure('m3', 'Lotsen') },
      { path: 'measures[m2]', before: measure('m2', 'Besuche'), after: null },
    ]);
  });

  it('matches reviews by position and compares lists of plain values whole', () => {
    const review = { reviewedOn: '2026-03-10', assessment: 'on_track' };
    expect(fieldChanges({ reviews: [], qualityGoals: ['outreach'] }, { reviews: [review], qualityGoals: ['outreach', 'equity'] })).toEqual([
      { path: 'reviews[0]', before: null, after: review },
      { path: 'qualityGoals', before: ['outreach'], after: ['outreach', 'equity'] },
    ]);
  });

  it('tells repeated identities apart by their order', () => {
    const before = { measurements: [{ value: 1, measuredOn: '2026-01-01' }] };
    const after = { measurements: [{ value: 1, measuredOn: '2026-01-01' }, { value: 2, measuredOn: '2026-01-01' }] };
    expect(fieldChanges(before, after)).toEqual([{ path: 'measurements[2026-01-01#2]', before: null, after: { value: 2, measuredOn: '2026-01-01' } }]);
  });

  it('shows every field as added when there was nothing before, and takes absent and null as the same', () => {
    expect(fieldChanges({}, { title: 'A', district: null, reviews: [] })).toEqual([
      { path: 'title', before: null, after: 'A' },
      { path: 'reviews', before: null, after: [] },
    ]);
  });
});

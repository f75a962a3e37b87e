import { Rating, RATING_LEVELS, RatingLevel, RATINGS } from './assessment.commands';

/**
 * The result of one development goal in a closed round.
 * - `median`: on the ordinal scale 1 (not reached) … 4 (fully reached), "cannot judge" left out; with an even
 *   number of ratings the midpoint of the two middle ones, so it may be a half step (2.5: between partly and largely).
 * - `divergence`: Leik's ordinal dispersion D = 2/(k−1) · Σ min(Fᵢ, 1−Fᵢ) over the cumulative shares Fᵢ of the
 *   first k−1 levels (k = 4). 0: everybody gave the same level; 1: half at each end of the scale. Null without ratings.
 */
export interface ItemResult {
  counts: Record<Rating, number>;
  /** Ratings on the scale ("cannot judge" not counted). */
  rated: number;
  cannotJudge: number;
  median: number | null;
  divergence: number | null;
}

const VALUE: Record<RatingLevel, number> = { not_reached: 1, partly_reached: 2, largely_reached: 3, fully_reached: 4 };

export function itemResult(ratings: readonly Rating[]): ItemResult {
  const counts = Object.fromEntries(RATINGS.map((rating) => [rating, 0])) as Record<Rating, number>;
  for (const rating of ratings) counts[rating] += 1;
  const levels = RATING_LEVELS.map((level) => counts[level]);
  const rated = levels.reduce((sum, count) => sum + count, 0);
  const values = ratings.filter((rating): rating is RatingLevel => rating !== 'cannot_judge').map((rating) => VALUE[rating]);
  return { counts, rated, cannotJudge: counts.cannot_judge, median: ordinalMedian(values), divergence: rated === 0 ? null : leikDispersion(levels) };
}

/** The median of values on the scale; the midpoint of the two middle values for an even count; null for none. */
export function ordinalMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Leik's ordinal dispersion of counts per ordered category, rounded to three decimals. */
export function leikDispersion(counts: readonly number[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0 || counts.length < 2) return 0;
  let cumulative = 0;
  let sum = 0;
  for (const count of counts.slice(0, -1)) {
    cumulative += count / total;
    sum += Math.min(cumulative, 1 - cumulative);
  }
  return round((2 * sum) / (counts.length - 1));
}

/** The order of the dialogue: widest disagreement first; then more ratings; then the framework's order. */
export function agendaOrder<T extends { result: ItemResult; position: number }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => (b.result.divergence ?? -1) - (a.result.divergence ?? -1) || b.result.rated - a.result.rated || a.position - b.position,
  );
}

export interface ItemChange {
  itemKey: string;
  before: ItemResult;
  after: ItemResult;
  /** after − before; positive: the goal is judged further reached. Null when either round has no rating on the scale. */
  medianChange: number | null;
  /** after − before; negative: the raters agree more. */
  divergenceChange: number | null;
}

/** Per development goal rated in both rounds: how its median and divergence moved from the earlier to the later round. */
export function compareResults(before: ReadonlyMap<string, ItemResult>, after: ReadonlyMap<string, ItemResult>): ItemChange[] {
  return [...before.entries()].flatMap(([itemKey, earlier]) => {
    const later = after.get(itemKey);
    if (!later) return [];
    return [{ itemKey, before: earlier, after: later, medianChange: difference(later.median, earlier.median), divergenceChange: difference(later.divergence, earlier.divergence) }];
  });
}

function difference(later: number | null, earlier: number | null): number | null {
  return later === null || earlier === null ? null : round(later - earlier);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

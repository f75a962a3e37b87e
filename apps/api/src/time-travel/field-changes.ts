import { isDeepStrictEqual } from 'node:util';

/** One field that differs between two versions of a view; `null` stands for absent. */
export interface FieldChange {
  /** `status`, `indicators[cafes].latestValue`, `measures[<measureId>].endsOn`, `reviews[1]`. */
  path: string;
  before: unknown;
  after: unknown;
}

/**
 * Items of these arrays (named by the field that holds them) are matched by their own identity, so that an
 * item sorted in before others shows as one added item rather than as every later item changed. Items of
 * other arrays of objects (reviews, reorientations: only ever appended) are matched by position.
 */
const IDENTITIES: Record<string, (item: Record<string, unknown>) => unknown> = {
  indicators: (indicator) => indicator.key,
  measures: (measure) => measure.measureId ?? measure.title,
  measurements: (measurement) => measurement.measuredOn,
};

/** Every leaf that differs between two JSON values, objects compared field by field and arrays item by item. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  compare(before, after, '', '', changes);
  return changes;
}

function compare(before: unknown, after: unknown, path: string, field: string, changes: FieldChange[]): void {
  if (isDeepStrictEqual(before ?? null, after ?? null)) return;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    for (const key of keys) compare(before[key], after[key], path ? `${path}.${key}` : key, key, changes);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.every(isRecord) && after.every(isRecord)) {
    const earlier = keyed(before, field);
    const later = keyed(after, field);
    for (const [key, item] of later) compare(earlier.get(key), item, `${path}[${key}]`, '', changes);
    for (const [key, item] of earlier) if (!later.has(key)) changes.push({ path: `${path}[${key}]`, before: item, after: null });
    return;
  }
  changes.push({ path, before: before ?? null, after: after ?? null });
}

/** The items by identity (or position); a repeated identity gets `#2`, `#3`, … in order. */
function keyed(items: Record<string, unknown>[], field: string): Map<string, Record<string, unknown>> {
  const identity = IDENTITIES[field];
  const seen = new Map<string, number>();
  return new Map(
    items.map((item, index) => {
      const own = identity?.(item);
      const key = own === undefined || own === null ? String(index) : String(own);
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      return [count > 1 ? `${key}#${count}` : key, item];
    }),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Brings the data of one stored version to the next version's shape. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * What is stored for one event type: the current version of its data's shape, and for every older
 * version n an upcaster from n to n + 1. Stored events are never rewritten; readers upcast them.
 */
export interface EventContract {
  version: number;
  upcasters: Readonly<Record<number, Upcaster>>;
}

/** An upcaster that adds the fields a version introduced, with what they meant before; stored fields win. */
export function addDefaults(defaults: Record<string, unknown>): Upcaster {
  return (data) => ({ ...structuredClone(defaults), ...data });
}

/** The contract of an event type that has had one shape only. */
export const FIRST_VERSION: EventContract = { version: 1, upcasters: {} };

/** For the default branch of a switch over events: a missing case is a compile error. */
export function assertNever(value: never, what = 'value'): never {
  const type = typeof value === 'object' && value !== null && 'type' in value ? String((value as { type: unknown }).type) : JSON.stringify(value);
  throw new Error(`Unexpected ${what}: ${type}`);
}

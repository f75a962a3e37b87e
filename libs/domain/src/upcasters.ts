/** A stored event as far as the domain cares: its type, the version of its data's shape, and the data. */
export interface VersionedEvent {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

/** Version 1 data to version 2, per event type: the fields version 2 added, with what they meant before. */
const VERSION_2_DEFAULTS: Record<string, Record<string, unknown>> = {
  // Goals and their reviews and reorientations may name the decision they rest on; strategic goals cite principles.
  GoalDefined: { decisionId: null, principleKeys: [] },
  GoalReviewed: { decisionId: null },
  GoalReoriented: { decisionId: null },
  // Cycles carry active goals over to the next cycle; before version 2 nothing was carried.
  CycleOpened: { carriedOverGoalIds: [] },
  CycleClosed: { carriedOverGoalIds: [] },
};

/** Version 2 data to version 3, per event type. */
const VERSION_3_DEFAULTS: Record<string, Record<string, unknown>> = {
  // A definition records the self-assessment item it was derived from; goals defined before came from none.
  GoalDefined: { sourceItem: null },
};

/** Each step brings one stored version to the next; an event goes through every step from its stored version on. */
const STEPS: { from: number; defaults: Record<string, Record<string, unknown>> }[] = [
  { from: 1, defaults: VERSION_2_DEFAULTS },
  { from: 2, defaults: VERSION_3_DEFAULTS },
];

/**
 * Brings a stored event to the shape the deciders and projections know. It switches on the stored
 * schemaVersion, never on the payload's shape, and stored events are never rewritten.
 */
export function upcast<E extends VersionedEvent>(event: E): E {
  let current = event;
  for (const { from, defaults } of STEPS) {
    const added = defaults[current.type];
    if (added && current.schemaVersion === from) current = { ...current, schemaVersion: from + 1, data: { ...added, ...current.data } };
  }
  return current;
}

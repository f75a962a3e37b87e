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

/**
 * Brings a stored event to the shape the deciders and projections know. It switches on the stored
 * schemaVersion, never on the payload's shape, and stored events are never rewritten.
 */
export function upcast<E extends VersionedEvent>(event: E): E {
  const defaults = VERSION_2_DEFAULTS[event.type];
  if (defaults && event.schemaVersion === 1) return { ...event, schemaVersion: 2, data: { ...defaults, ...event.data } };
  return event;
}

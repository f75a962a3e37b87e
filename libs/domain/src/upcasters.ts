/** A stored event as far as the domain cares: its type, the version of its data's shape, and the data. */
export interface VersionedEvent {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

/**
 * Brings a stored event to the shape the deciders and projections know. It switches on the stored
 * schemaVersion, never on the payload's shape, and stored events are never rewritten. Every event type is
 * at version 1 so far: a version 2 adds a case here that maps version 1 data forward.
 */
export function upcast<E extends VersionedEvent>(event: E): E {
  return event;
}

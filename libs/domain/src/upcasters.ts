import { EventContract } from './event-contract';
import { EVENT_REGISTRY, isEventType } from './event-registry';

/** A stored event as far as the domain cares: its type, the version of its data's shape, and the data. */
export interface VersionedEvent {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

/**
 * Brings a stored event to the shape the deciders and projections know. It switches on the stored
 * schemaVersion, never on the payload's shape, and stored events are never rewritten. A type no aggregate
 * registers (a foreign or test event) passes as it is.
 */
export function upcast<E extends VersionedEvent>(event: E): E {
  if (!isEventType(event.type)) return event;
  const contract: EventContract = EVENT_REGISTRY[event.type];
  let current = event;
  while (current.schemaVersion < contract.version) {
    const step = contract.upcasters[current.schemaVersion];
    if (!step) throw new Error(`No upcaster for ${event.type} from version ${current.schemaVersion}`);
    current = { ...current, schemaVersion: current.schemaVersion + 1, data: step(current.data) };
  }
  return current;
}

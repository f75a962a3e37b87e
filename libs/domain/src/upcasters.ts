import { EventContract } from './event-contract';
import { goalEventRegistry } from './goal/goal.contract';
import { networkEventRegistry } from './network/network.contract';

/** A stored event as far as the domain cares: its type, the version of its data's shape, and the data. */
export interface VersionedEvent {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

/** The contracts of the event types that have had more than one shape, from their aggregates' registries. */
export const VERSIONED_EVENT_CONTRACTS: Readonly<Record<string, EventContract>> = { ...goalEventRegistry, ...networkEventRegistry };

/**
 * Brings a stored event to the shape the deciders and projections know. It switches on the stored
 * schemaVersion, never on the payload's shape, and stored events are never rewritten. An event type
 * without a contract here has had one shape only.
 */
export function upcast<E extends VersionedEvent>(event: E): E {
  const contract = VERSIONED_EVENT_CONTRACTS[event.type];
  if (!contract) return event;
  let current = event;
  while (current.schemaVersion < contract.version) {
    const step = contract.upcasters[current.schemaVersion];
    if (!step) throw new Error(`No upcaster for ${event.type} from version ${current.schemaVersion}`);
    current = { ...current, schemaVersion: current.schemaVersion + 1, data: step(current.data) };
  }
  return current;
}

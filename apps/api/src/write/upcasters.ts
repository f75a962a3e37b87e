import { StoredEvent } from '@kreislauf/event-store';

/**
 * Brings a stored event to the shape the deciders know. Switch on the stored schemaVersion, never on the
 * payload's shape; stored events are never rewritten. Every event type is at version 1 so far.
 */
export function upcast(event: StoredEvent): { type: string; schemaVersion: number; data: Record<string, unknown> } {
  return { type: event.type, schemaVersion: event.schemaVersion, data: event.data };
}

import { randomUUID } from 'node:crypto';
import { NewEvent } from '@kreislauf/event-store';
import { Pool, PoolClient } from 'pg';
import { Actor } from './goal-data';

/** A decided event with the metadata the write side gives it. */
export function newEvent(event: { type: string; schemaVersion: number; data: unknown }, actor: Actor, networkId: string, occurredAt: string, reason?: string): NewEvent {
  return {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data as Record<string, unknown>,
    metadata: { actor, networkId, correlationId: randomUUID(), causationId: null, occurredAt, ...(reason ? { reason } : {}) },
  };
}

/** `append` for each batch in a transaction of its own, `writers` transactions at a time. */
export async function appendInTransactions<T>(pool: Pool, batches: T[], writers: number, append: (client: PoolClient, batch: T) => Promise<void>): Promise<void> {
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < batches.length; i = next++) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await append(client, batches[i]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
}

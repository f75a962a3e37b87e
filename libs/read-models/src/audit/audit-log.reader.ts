import { GlobalPosition } from '@kreislauf/event-store';
import { EntityManager } from 'typeorm';
import { Summary } from './audit-summaries';

/** One entry of a network's audit log as the api shows it. */
export interface AuditEntry {
  /** The event's global position, `<commit>.<prepare>`: the log's order. */
  position: string;
  eventId: string;
  networkId: string;
  stream: string;
  streamVersion: number;
  type: string;
  /** Business time, as the event states it. */
  occurredAt: string;
  /** Record time, ISO 8601 UTC. */
  recordedAt: string;
  actor: { userId: string; name: string | null; role: string };
  summary: Summary;
  reason: string | null;
}

/** Which entries of a network's log to read; every field narrows, none widens. */
export interface AuditFilter {
  /** Business days, both inclusive, YYYY-MM-DD. */
  occurredFrom?: string;
  occurredTo?: string;
  /** Record time: from this instant on, and before `recordedBefore`. */
  recordedFrom?: Date;
  recordedBefore?: Date;
  /** The acting user's id. */
  actor?: string;
  types?: string[];
  /** Only the events of this goal's stream. */
  goalId?: string;
}

interface AuditRowRecord {
  event_id: string;
  position: string;
  stream_id: string;
  stream_version: number;
  event_type: string;
  occurred_at: string;
  recorded_at: string;
  actor_user_id: string;
  actor_name: string | null;
  actor_role: string;
  summary_de: string;
  summary_en: string;
  reason: string | null;
}

/** Sorts before every position of any store (EventStoreDB's first event can be at 0/0). */
const BEFORE_ALL: GlobalPosition = { commit: -1n, prepare: -1n };

/**
 * Up to `limit` entries after the position, in global order. Keyset reads on the network's index: a page
 * costs the same at the start and at the end of a long log.
 */
export async function readAuditLog(manager: EntityManager, networkId: string, filter: AuditFilter, after: GlobalPosition | null, limit: number): Promise<AuditEntry[]> {
  const start = after ?? BEFORE_ALL;
  const params: unknown[] = [networkId, start.commit.toString(), start.prepare.toString()];
  const where = ['network_id = $1', '(position_commit, position_prepare) > ($2::bigint, $3::bigint)'];
  const add = (condition: (param: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (filter.occurredFrom !== undefined) add((p) => `occurred_on >= ${p}::date`, filter.occurredFrom);
  if (filter.occurredTo !== undefined) add((p) => `occurred_on <= ${p}::date`, filter.occurredTo);
  if (filter.recordedFrom !== undefined) add((p) => `recorded_at >= ${p}::timestamptz`, filter.recordedFrom.toISOString());
  if (filter.recordedBefore !== undefined) add((p) => `recorded_at < ${p}::timestamptz`, filter.recordedBefore.toISOString());
  if (filter.actor !== undefined) add((p) => `actor_user_id = ${p}`, filter.actor);
  if (filter.types !== undefined && filter.types.length > 0) add((p) => `event_type = ANY(${p}::text[])`, filter.types);
  if (filter.goalId !== undefined) add((p) => `stream_id = ${p}`, `goal-${filter.goalId.toLowerCase()}`);
  params.push(limit);
  const rows: AuditRowRecord[] = await manager.query(
    // Position and record time as text: parsing a Date per row only to print it again costs more than the query.
    `SELECT event_id, position_commit || '.' || position_prepare AS position, stream_id, stream_version, event_type, occurred_at,
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at,
            actor_user_id, actor_name, actor_role, summary_de, summary_en, reason
       FROM rm_audit_log
      WHERE ${where.join(' AND ')}
      ORDER BY position_commit, position_prepare
      LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => entryOf(row, networkId.toLowerCase()));
}

/**
 * The whole selection page by page: each page is one short query of its own, so an export of any length
 * holds neither a transaction open (which would hold back the event store's readers) nor more than a
 * page in memory.
 */
export async function* auditLogPages(manager: EntityManager, networkId: string, filter: AuditFilter, after: GlobalPosition | null, pageSize: number): AsyncGenerator<AuditEntry[]> {
  let position = after;
  for (;;) {
    const page = await readAuditLog(manager, networkId, filter, position, pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    position = positionOf(page[page.length - 1]);
  }
}

export function positionOf(entry: AuditEntry): GlobalPosition {
  const [commit, prepare] = entry.position.split('.');
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}

function entryOf(row: AuditRowRecord, networkId: string): AuditEntry {
  return {
    position: row.position,
    eventId: row.event_id,
    networkId,
    stream: row.stream_id,
    streamVersion: row.stream_version,
    type: row.event_type,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: { userId: row.actor_user_id, name: row.actor_name, role: row.actor_role },
    summary: { de: row.summary_de, en: row.summary_en },
    reason: row.reason,
  };
}

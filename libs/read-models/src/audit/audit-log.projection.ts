import { comparePositions, GlobalPosition, StoredEvent } from '@kreislauf/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { namedSubjects, referencedIds, SubjectTitle, summarise } from './audit-summaries';

const INSERT_CHUNK = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface KnownSubject extends SubjectTitle {
  position: GlobalPosition;
}

/**
 * The audit log: one row per event of every type, with a summary that names things by their titles. The
 * titles come from rm_audit_subjects, which this projection keeps in the same batch. A replayed event
 * finds its row (keyed by its global position) and is skipped; a title is only replaced by a later event's.
 */
export class AuditLogProjection implements Projection {
  readonly name = 'audit-log';
  /** Every event: a type without a summary of its own gets the generic one. */
  readonly eventTypes: readonly string[] = ['*'];
  readonly tables = ['rm_audit_log', 'rm_audit_subjects'];

  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const seen = new Set<string>();
    // An event without a network belongs to no network's log; one given twice in a batch is logged once.
    const logged = events.filter((event) => {
      const key = `${event.position.commit}.${event.position.prepare}`;
      if (!UUID.test(event.metadata?.networkId ?? '') || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (logged.length === 0) return;

    const ids = new Set(logged.flatMap((event) => [...referencedIds(event), ...namedSubjects(event).map((subject) => subject.id)]));
    const known = await loadSubjects(manager, [...ids]);
    const titles = new Map([...known.values()].map((subject) => [subject.id, subject.title]));
    const changed = new Map<string, KnownSubject>();
    const rows = logged.map((event) => {
      const row = rowOf(event, summarise(event, titles));
      for (const subject of namedSubjects(event)) {
        const current = known.get(subject.id);
        if (current && comparePositions(event.position, current.position) <= 0) continue; // set by this or a later event
        const next = { ...subject, position: event.position };
        known.set(subject.id, next);
        titles.set(subject.id, subject.title);
        changed.set(subject.id, next);
      }
      return row;
    });

    for (let start = 0; start < rows.length; start += INSERT_CHUNK) await insertRows(manager, rows.slice(start, start + INSERT_CHUNK));
    await upsertSubjects(manager, [...changed.values()]);
  }
}

type Row = [
  commit: string,
  prepare: string,
  eventId: string,
  networkId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  occurredAt: string,
  occurredOn: string | null,
  recordedAt: string,
  actorUserId: string,
  actorName: string | null,
  actorRole: string,
  summaryDe: string,
  summaryEn: string,
  reason: string | null,
];

const COLUMNS: [name: string, type: string][] = [
  ['position_commit', 'bigint'],
  ['position_prepare', 'bigint'],
  ['event_id', 'uuid'],
  ['network_id', 'uuid'],
  ['stream_id', 'text'],
  ['stream_version', 'int'],
  ['event_type', 'text'],
  ['occurred_at', 'text'],
  ['occurred_on', 'date'],
  ['recorded_at', 'timestamptz'],
  ['actor_user_id', 'text'],
  ['actor_name', 'text'],
  ['actor_role', 'text'],
  ['summary_de', 'text'],
  ['summary_en', 'text'],
  ['reason', 'text'],
];

function rowOf(event: StoredEvent, summary: { de: string; en: string }): Row {
  const { metadata } = event;
  const occurredAt = metadata.occurredAt ?? event.recordedAt;
  return [
    event.position.commit.toString(),
    event.position.prepare.toString(),
    event.eventId,
    metadata.networkId.toLowerCase(),
    event.streamId,
    event.streamVersion,
    event.type,
    occurredAt,
    dayOf(occurredAt),
    event.recordedAt,
    metadata.actor?.userId ?? 'unknown',
    metadata.actor?.displayName ?? null,
    metadata.actor?.role ?? 'unknown',
    summary.de,
    summary.en,
    reasonOf(event),
  ];
}

/** What a person gave as the reason: the metadata's, or a rationale or reason in the data. */
function reasonOf(event: StoredEvent): string | null {
  const candidates = [event.metadata.reason, event.data?.rationale, event.data?.reason];
  const reason = candidates.find((candidate): candidate is string => typeof candidate === 'string' && candidate.trim() !== '');
  return reason ?? null;
}

/** The calendar day a business time starts with, when it is one that exists. */
function dayOf(occurredAt: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(occurredAt);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === match[0] ? match[0] : null;
}

async function insertRows(manager: EntityManager, rows: Row[]): Promise<void> {
  const columns = COLUMNS.map((_, index) => rows.map((row) => row[index]));
  const unnest = COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  await manager.query(
    `INSERT INTO rm_audit_log (${COLUMNS.map(([name]) => name).join(', ')})
     SELECT * FROM unnest(${unnest})
     ON CONFLICT (position_commit, position_prepare) DO NOTHING`,
    columns,
  );
}

async function loadSubjects(manager: EntityManager, ids: string[]): Promise<Map<string, KnownSubject>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; kind: string; title: string; position_commit: string; position_prepare: string }[] = await manager.query(
    'SELECT id, kind, title, position_commit, position_prepare FROM rm_audit_subjects WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(
    rows.map((row) => [row.id, { id: row.id, kind: row.kind, title: row.title, position: { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) } }]),
  );
}

async function upsertSubjects(manager: EntityManager, subjects: KnownSubject[]): Promise<void> {
  if (subjects.length === 0) return;
  await manager.query(
    `INSERT INTO rm_audit_subjects (id, kind, title, position_commit, position_prepare)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[])
     ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title,
       position_commit = EXCLUDED.position_commit, position_prepare = EXCLUDED.position_prepare
     WHERE (rm_audit_subjects.position_commit, rm_audit_subjects.position_prepare) < (EXCLUDED.position_commit, EXCLUDED.position_prepare)`,
    [
      subjects.map((subject) => subject.id),
      subjects.map((subject) => subject.kind),
      subjects.map((subject) => subject.title),
      subjects.map((subject) => subject.position.commit.toString()),
      subjects.map((subject) => subject.position.prepare.toString()),
    ],
  );
}

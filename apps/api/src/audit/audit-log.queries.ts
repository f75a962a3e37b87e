import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { NetworkNotFound } from '@kreislauf/domain';
import { formatPosition, GlobalPosition, parsePosition } from '@kreislauf/event-store';
import { AuditEntry, AuditFilter, auditLogPages, NetworkRow, positionOf, readAuditLog } from '@kreislauf/read-models';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor as decodeKey, encodeCursor as encodeKey } from '../http/pagination';

/** Rows per query of an export: large enough to be quick, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 5000;

export interface AuditLogPage {
  networkId: string;
  items: AuditEntry[];
  nextCursor: string | null;
}

/** One page of a network's audit log, after a cursor. */
export class GetAuditLog extends Query<AuditLogPage> {
  constructor(
    readonly networkId: string,
    readonly filter: AuditFilter,
    readonly after: GlobalPosition | null,
    readonly limit: number,
  ) {
    super();
  }
}

/** The whole selection of a network's audit log, read page by page as it is consumed. */
export class ExportAuditLog extends Query<AsyncIterable<AuditEntry[]>> {
  constructor(
    readonly networkId: string,
    readonly filter: AuditFilter,
  ) {
    super();
  }
}

@QueryHandler(GetAuditLog)
export class GetAuditLogHandler implements IQueryHandler<GetAuditLog, AuditLogPage> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId, filter, after, limit }: GetAuditLog): Promise<AuditLogPage> {
    await networkOrFail(this.dataSource.manager, networkId);
    // One more than asked: whether a next page exists is known without another query.
    const read = await readAuditLog(this.dataSource.manager, networkId, filter, after, limit + 1);
    const items = read.slice(0, limit);
    const nextCursor = read.length > limit ? encodeCursor(positionOf(items[items.length - 1])) : null;
    return { networkId, items, nextCursor };
  }
}

@QueryHandler(ExportAuditLog)
export class ExportAuditLogHandler implements IQueryHandler<ExportAuditLog, AsyncIterable<AuditEntry[]>> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId, filter }: ExportAuditLog): Promise<AsyncIterable<AuditEntry[]>> {
    await networkOrFail(this.dataSource.manager, networkId);
    return auditLogPages(this.dataSource.manager, networkId, filter, null, EXPORT_PAGE_SIZE);
  }
}

async function networkOrFail(manager: EntityManager, networkId: string): Promise<void> {
  if (!(await manager.existsBy(NetworkRow, { id: networkId }))) throw new NetworkNotFound(networkId);
}

/** The cursor is opaque to clients: the position of the last entry they saw. */
export function encodeCursor(position: GlobalPosition): string {
  return encodeKey(formatPosition(position));
}

export function decodeCursor(cursor: string): GlobalPosition | null {
  return parsePosition(decodeKey(cursor));
}

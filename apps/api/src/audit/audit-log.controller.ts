import { Controller, Get, HttpStatus, Logger, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditFilter } from '@kreislauf/read-models';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { UuidParam } from '../http/params';
import { ProblemException } from '../http/problem';
import { ReadYourWrites } from '../http/read-your-writes';
import { AUDIT_PAGE_DEFAULT, AuditEntryDto, AuditLogQueryDto, parseInstant } from './audit-log.dto';
import { streamExport } from './audit-log.export';
import { decodeCursor, ExportAuditLog, GetAuditLog } from './audit-log.queries';
import { ApiPage } from '../http/openapi/api-page';

const DAY_MS = 86_400_000;

/** A network's audit log for funders and coordinators: who did what, when and why, as pages or as a file. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('networks')
export class AuditLogController {
  private readonly logger = new Logger('AuditLog');

  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':networkId/audit')
  @Access('audit.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({
    summary: 'Every event of the network in order, one line each: who, when (business and record time), what and why',
    description:
      'Filters narrow by business days (from, to), record time (recordedFrom, recordedTo), actor, event types and goal. ' +
      'format=json (default) answers one page with a nextCursor; format=csv or jsonl streams the whole selection as a file.',
  })
  @ApiProduces('application/json', 'text/csv', 'application/x-ndjson')
  @ApiPage(AuditEntryDto, {
    description: 'A page of entries (format=json), or the file (csv: RFC 4180 with a header row and a UTF-8 BOM; jsonl: one entry per line)',
    beside: { networkId: { type: 'string', format: 'uuid' } },
    files: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string', description: 'One AuditEntry as JSON per line' } } },
  })
  @ApiBadRequestResponse({ description: 'A filter, cursor or limit that is not valid' })
  @ApiNotFoundResponse({ description: 'No such network' })
  async auditLog(@UuidParam('networkId') networkId: string, @Query() query: AuditLogQueryDto, @Res() response: Response): Promise<void> {
    const filter = filterOf(query);
    await this.readYourWrites.ensure(query.after);
    const format = query.format ?? 'json';
    if (format === 'json') {
      const after = query.cursor === undefined ? null : (decodeCursor(query.cursor) ?? invalid('cursor', 'cursor must be a nextCursor as a page returned it'));
      response.status(HttpStatus.OK).json(await this.queries.execute(new GetAuditLog(networkId, filter, after, query.limit ?? AUDIT_PAGE_DEFAULT)));
      return;
    }
    if (query.cursor !== undefined) invalid('cursor', 'an export holds the whole selection: cursor is for JSON pages');
    if (query.limit !== undefined) invalid('limit', 'an export holds the whole selection: limit is for JSON pages');
    const pages = await this.queries.execute(new ExportAuditLog(networkId, filter));
    const fileName = `audit-log-${networkId}-${new Date().toISOString().slice(0, 10)}.${format}`;
    await streamExport(response, pages, { format, lang: query.lang ?? 'de', fileName }, this.logger);
  }
}

function filterOf(query: AuditLogQueryDto): AuditFilter {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) invalid('to', 'to must not lie before from');
  const recordedFrom = query.recordedFrom === undefined ? undefined : parseInstant(query.recordedFrom)!.at;
  const recordedTo = query.recordedTo === undefined ? undefined : parseInstant(query.recordedTo)!;
  // Both bounds inclusive for the user; a day as the upper bound means up to its end.
  const recordedBefore = recordedTo === undefined ? undefined : new Date(recordedTo.at.getTime() + (recordedTo.wholeDay ? DAY_MS : 1));
  if (recordedFrom !== undefined && recordedBefore !== undefined && recordedFrom >= recordedBefore) invalid('recordedTo', 'recordedTo must not lie before recordedFrom');
  return {
    ...(query.from !== undefined ? { occurredFrom: query.from } : {}),
    ...(query.to !== undefined ? { occurredTo: query.to } : {}),
    ...(recordedFrom !== undefined ? { recordedFrom } : {}),
    ...(recordedBefore !== undefined ? { recordedBefore } : {}),
    ...(query.actor !== undefined ? { actor: query.actor } : {}),
    ...(query.type !== undefined ? { types: query.type } : {}),
    ...(query.goalId !== undefined ? { goalId: query.goalId } : {}),
  };
}

function invalid(field: string, message: string): never {
  throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', message, { errors: [{ field, messages: [message] }] });
}

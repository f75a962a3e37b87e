import { Logger } from '@nestjs/common';
import { conceptText } from '@kreislauf/domain';
import { AuditEntry } from '@kreislauf/read-models';
import type { Response } from 'express';
import { AuditLanguage } from './audit-log.dto';

export type ExportFormat = 'csv' | 'jsonl';

const CSV_HEADERS: Record<AuditLanguage, string[]> = {
  de: ['Erfasst am', 'Geschehen am', 'Akteur', 'Rolle', 'Stream', 'Ereignistyp', 'Zusammenfassung', 'Begründung'],
  en: ['Recorded at', 'Occurred at', 'Actor', 'Role', 'Stream', 'Event type', 'Summary', 'Reason'],
};
/** Lets Excel open the file as UTF-8 (umlauts, „quotes“); other readers skip it. */
const BYTE_ORDER_MARK = '\uFEFF';
const CRLF = '\r\n';

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, its quotes doubled. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  // A cell starting like a formula would be run by a spreadsheet: keep it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(lang: AuditLanguage): string {
  return BYTE_ORDER_MARK + CSV_HEADERS[lang].map(csvField).join(',') + CRLF;
}

export function csvLine(entry: AuditEntry, lang: AuditLanguage): string {
  const actor = entry.actor.name ? `${entry.actor.name} (${entry.actor.userId})` : entry.actor.userId;
  return (
    [entry.recordedAt, entry.occurredAt, actor, conceptText('role', entry.actor.role, lang), entry.stream, entry.type, entry.summary[lang], entry.reason].map(csvField).join(',') + CRLF
  );
}

export function jsonLine(entry: AuditEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/**
 * Writes the pages to the response as they come, waiting for 'drain' whenever the client reads slower than
 * the database delivers: memory holds one page however long the log. The first page is read before the
 * status is sent, so a failing query still answers with a problem; a failure later can only cut the
 * transfer short, which a client sees as an incomplete chunked response.
 */
export async function streamExport(
  response: Response,
  pages: AsyncIterable<AuditEntry[]>,
  options: { format: ExportFormat; lang: AuditLanguage; fileName: string },
  logger: Logger,
): Promise<void> {
  const iterator = pages[Symbol.asyncIterator]();
  let next = await iterator.next();
  response.status(200);
  response.setHeader('Content-Type', EXPORT_CONTENT_TYPES[options.format]);
  response.setHeader('Content-Disposition', `attachment; filename="${options.fileName}"`);
  response.setHeader('Cache-Control', 'no-store');
  const lines = (page: AuditEntry[]) => (options.format === 'csv' ? page.map((entry) => csvLine(entry, options.lang)) : page.map(jsonLine)).join('');
  try {
    if (options.format === 'csv') await write(response, csvHeader(options.lang));
    while (!next.done) {
      if (response.destroyed) {
        await iterator.return?.();
        return; // the client went away: stop reading the database
      }
      await write(response, lines(next.value));
      next = await iterator.next();
    }
    response.end();
  } catch (error) {
    logger.error(`audit export stopped: ${String(error)}`, (error as Error)?.stack);
    response.destroy(error as Error);
  }
}

function write(response: Response, chunk: string): Promise<void> {
  if (chunk === '' || response.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

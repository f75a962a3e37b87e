import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { historyDocument, progressDocument, ReportDocument, renderHtml, renderMarkdown } from '@kreislauf/reporting';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { UuidParam } from '../http/params';
import { ReadYourWrites } from '../http/read-your-writes';
import { PdfPrinter } from './pdf-printer';
import { GetProgrammeHistory, GetProgressReport } from './report.queries';
import { PROGRAMME_HISTORY_SCHEMA, PROGRESS_REPORT_SCHEMA } from './report-schemas';
import { ProgrammeHistoryQueryDto, ProgressReportQueryDto, ReportFormat } from './reports.dto';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

const content = (schema: SchemaObject) => ({
  'application/json': { schema },
  'text/markdown': { schema: { type: 'string' } },
  'text/html': { schema: { type: 'string' } },
  'application/pdf': { schema: { type: 'string', format: 'binary' } },
});

const PDF_UNAVAILABLE = 'format=pdf only: problem `report.pdf_unavailable` when Chromium cannot be found or started (CHROMIUM_PATH, by default /usr/bin/chromium)';
const BAD_REQUEST = 'A date that is not YYYY-MM-DD or does not exist, to before from, lang other than de|en, format other than json|md|html|pdf';

/** Reports for funders: the progress report of a period and the programme history, as JSON, Markdown, HTML or PDF. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('networks')
export class ReportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly printer: PdfPrinter,
  ) {}

  @Get(':networkId/reports/progress')
  @Access('reports.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({
    summary: 'The progress report (Sachbericht) of a period: Leitbild, cycles, goals with indicators and trends, reviews, reorientations, decisions, meetings, members, offer gaps',
    description: 'The same store state, period, language and format give byte-identical JSON, Markdown and HTML. German by default.',
  })
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiOkResponse({ description: 'The report in the requested format', content: content(PROGRESS_REPORT_SCHEMA) })
  @ApiBadRequestResponse({ description: BAD_REQUEST })
  @ApiNotFoundResponse({ description: 'No such network' })
  @ApiServiceUnavailableResponse({ description: PDF_UNAVAILABLE })
  async progress(@UuidParam('networkId') networkId: string, @Query() query: ProgressReportQueryDto, @Res({ passthrough: true }) response: Response) {
    await this.readYourWrites.ensure(query.after);
    const language = query.lang ?? 'de';
    const report = await this.queries.execute(new GetProgressReport(networkId, { from: query.from, to: query.to }, language));
    const stem = `${language === 'de' ? 'fortschrittsbericht' : 'progress-report'}-${report.period.from}-${report.period.to}`;
    return this.send(response, query.format ?? 'json', report, () => progressDocument(report), stem);
  }

  @Get(':networkId/reports/history')
  @Access('reports.read', { kind: 'network', param: 'networkId' })
  @ApiOperation({
    summary: 'The programme history: a dated timeline of cycles, Leitbild versions, goals defined, reviewed, adjusted, replaced and retired, and the decisions behind them',
    description: 'Without from, from the network’s registration; without to, up to its latest dated act.',
  })
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiOkResponse({ description: 'The history in the requested format', content: content(PROGRAMME_HISTORY_SCHEMA) })
  @ApiBadRequestResponse({ description: BAD_REQUEST })
  @ApiNotFoundResponse({ description: 'No such network' })
  @ApiServiceUnavailableResponse({ description: PDF_UNAVAILABLE })
  async history(@UuidParam('networkId') networkId: string, @Query() query: ProgrammeHistoryQueryDto, @Res({ passthrough: true }) response: Response) {
    await this.readYourWrites.ensure(query.after);
    const language = query.lang ?? 'de';
    const history = await this.queries.execute(new GetProgrammeHistory(networkId, { from: query.from, to: query.to }, language));
    const stem = `${language === 'de' ? 'programmhistorie' : 'programme-history'}-${history.period.from}-${history.period.to}`;
    return this.send(response, query.format ?? 'json', history, () => historyDocument(history), stem);
  }

  private async send(response: Response, format: ReportFormat, model: object, document: () => ReportDocument, stem: string): Promise<string | StreamableFile> {
    response.setHeader('Content-Type', CONTENT_TYPES[format]);
    if (format !== 'json') response.setHeader('Content-Disposition', `attachment; filename="${stem}.${format}"`);
    switch (format) {
      case 'json':
        return JSON.stringify(model);
      case 'md':
        return renderMarkdown(document());
      case 'html':
        return renderHtml(document());
      case 'pdf':
        return new StreamableFile(await this.printer.print(renderHtml(document())));
    }
  }
}

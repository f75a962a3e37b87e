import { Provider, Type } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@kreislauf/storage';
import { PdfPrinter } from './pdf-printer';
import { GetProgrammeHistoryHandler, GetProgressReportHandler } from './report.queries';
import { ReportsController } from './reports.controller';

/** Progress reports and programme histories: controllers and providers the api module registers. */
export const REPORT_CONTROLLERS: Type[] = [ReportsController];
export const REPORT_PROVIDERS: Provider[] = [
  GetProgressReportHandler,
  GetProgrammeHistoryHandler,
  { provide: PdfPrinter, useFactory: (config: AppConfig) => new PdfPrinter({ executablePath: config.CHROMIUM_PATH }), inject: [APP_CONFIG] },
];

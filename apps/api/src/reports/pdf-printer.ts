import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { HttpStatus, Logger, OnModuleDestroy } from '@nestjs/common';
import { Browser, chromium } from 'playwright-core';
import { ProblemException } from '../http/problem';

export interface PdfPrinterOptions {
  /** Debian's chromium; the printer downloads no browser of its own. */
  executablePath: string;
}

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless Chromium that never reaches out to the network on its own. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const FOOTER = '<div style="font-size:8px;width:100%;text-align:center;color:#607d8b;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

export class PdfUnavailable extends ProblemException {
  constructor(detail: string) {
    super(HttpStatus.SERVICE_UNAVAILABLE, 'report.pdf_unavailable', 'PDF printing is not available', detail);
  }
}

/**
 * Prints a report's HTML to an A4 PDF with a headless Chromium: the same HTML the html format returns, so
 * the PDF shows the same charts. One browser per process, launched on the first print and closed with the module.
 */
export class PdfPrinter implements OnModuleDestroy {
  private readonly logger = new Logger(PdfPrinter.name);
  private browser: Promise<Browser> | null = null;

  constructor(private readonly options: PdfPrinterOptions) {}

  async print(html: string): Promise<Buffer> {
    const browser = await this.launched();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
    } finally {
      await context.close();
    }
  }

  async onModuleDestroy(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    if (!pending) return;
    const browser = await pending.catch(() => null);
    await browser?.close().catch(() => undefined);
  }

  private launched(): Promise<Browser> {
    if (!this.browser) {
      const launch = this.launch();
      this.browser = launch;
      // A failed launch is tried again on the next print (chromium may be installed by then).
      launch.catch(() => {
        if (this.browser === launch) this.browser = null;
      });
    }
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    const { executablePath } = this.options;
    try {
      await access(executablePath, constants.X_OK);
    } catch {
      throw new PdfUnavailable(
        `PDF reports need Chromium at ${executablePath} (Debian package "chromium"; another path through CHROMIUM_PATH). Markdown and HTML work without it.`,
      );
    }
    try {
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      browser.on('disconnected', () => {
        // After onModuleDestroy the printer holds no browser any more: only an unexpected exit is worth a word.
        if (this.browser === null) return;
        this.logger.warn('Chromium went away; the next PDF starts it again');
        this.browser = null;
      });
      return browser;
    } catch (error) {
      throw new PdfUnavailable(`Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`);
    }
  }
}

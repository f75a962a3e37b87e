import { PdfPrinter, PdfUnavailable } from './pdf-printer';

describe('the PDF printer', () => {
  it('answers 503 report.pdf_unavailable, naming the path, when there is no Chromium', async () => {
    const printer = new PdfPrinter({ executablePath: '/nonexistent/chromium' });
    const failure = printer.print('<p>Bericht</p>');
    await expect(failure).rejects.toBeInstanceOf(PdfUnavailable);
    await expect(failure).rejects.toMatchObject({ code: 'report.pdf_unavailable', message: expect.stringContaining('/nonexistent/chromium') });
    expect(new PdfUnavailable('x').getStatus()).toBe(503);
    await printer.onModuleDestroy();
  });

  it('prints A4 pages with one browser for every print, and closes it with the module', async () => {
    const printer = new PdfPrinter({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    try {
      const [first, second] = await Promise.all([printer.print('<h1>Fortschrittsbericht</h1>'), printer.print('<h1>Programmhistorie</h1>')]);
      expect(first.subarray(0, 5).toString()).toBe('%PDF-');
      expect(second.subarray(0, 5).toString()).toBe('%PDF-');
      const started = Date.now();
      await printer.print('<p>noch einmal</p>');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await printer.onModuleDestroy();
    }
  });
});

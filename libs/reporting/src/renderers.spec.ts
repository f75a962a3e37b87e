import { renderHtml } from './html-renderer';
import { formatDate, formatLongDate, formatNumber, formatPercent } from './locale-format';
import { escapeMarkdown, renderMarkdown } from './markdown-renderer';
import { buildProgrammeHistory } from './programme-history';
import { buildProgressReport } from './progress-report';
import { historyDocument, progressDocument } from './report-document';
import { barChart, trendChart } from './svg-charts';
import { baseData, concretised, defined, measured, resetVersions } from './testing/report-fixtures';

describe('dates and numbers in the reader’s locale', () => {
  it('writes German and British English', () => {
    expect(formatDate('2026-03-10', 'de')).toBe('10.03.2026');
    expect(formatDate('2026-03-10', 'en')).toBe('10/03/2026');
    expect(formatLongDate('2026-03-10', 'de')).toBe('10. März 2026');
    expect(formatLongDate('2026-03-10', 'en')).toBe('10 March 2026');
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatPercent(37.5, 'de')).toBe('37,5\u00a0%');
    expect(formatPercent(37.5, 'en')).toBe('37.5%');
  });
});

describe('charts', () => {
  it('draws one bar per category, the longest for the largest count', () => {
    const svg = barChart(
      [
        { key: 'on_track', label: 'auf Kurs', count: 4 },
        { key: 'at_risk', label: 'gefährdet <&>', count: 2 },
      ],
      'Stand',
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('width="300" height="16" rx="2" fill="#4caf50"');
    expect(svg).toContain('width="150" height="16" rx="2" fill="#f0a500"');
    expect(svg).toContain('gefährdet &lt;&amp;&gt;');
  });

  it('draws an indicator’s course between baseline and target, with no NaN where every value is the same', () => {
    const flat = { key: 'k', name: 'K', unit: 'u', direction: 'increase' as const, impactLevel: 'output', dueOn: '2026-12-31', baseline: 5, target: 5, latestValue: 5, latestMeasuredOn: '2026-06-01', progressPercent: 0, startValue: 5, changeInPeriod: 0, trend: { key: 'steady' as const, label: 'steady' }, points: [{ on: '2026-01-01', value: 5 }, { on: '2026-06-01', value: 5 }] };
    const svg = trendChart(flat, { from: '2026-01-01', to: '2026-12-31' }, 'en');
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('<polyline points="4,36 ');
    expect(svg).toContain('<title>Trend K: 01/01/2026: 5; 01/06/2026: 5 (Target 5)</title>');
  });
});

describe('Markdown and HTML', () => {
  beforeEach(resetVersions);

  const report = (language: 'de' | 'en') =>
    buildProgressReport(
      baseData([
        defined('g-1', 'Ziel | mit *Sternen* <script>alert(1)</script>', '2026-02-01'),
        concretised('g-1', '2026-02-02', { key: 'k', baseline: 6, target: 12 }),
        measured('g-1', 'k', 9, '2026-06-30'),
      ]),
      language,
    );

  it('escapes what Markdown would read as markup, table pipes included', () => {
    expect(escapeMarkdown('a | b *c* _d_ [e](f) <g>\nnext')).toBe('a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> next');
    const markdown = renderMarkdown(progressDocument(report('de')));
    expect(markdown).toContain('### Ziel \\| mit \\*Sternen\\* \\<script\\>alert(1)\\</script\\> (Handlungsziel)');
    expect(markdown).toContain('| Indikator k (Anzahl) | 6 | 9 (30.06.2026) | 12 | 50\u00a0% | verbessert: 6 → 9 |');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('writes one self-contained HTML file: escaped text, inline SVG, a print stylesheet, nothing fetched', () => {
    const html = renderHtml(progressDocument(report('en')));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('@media print');
    expect(html).toContain('class="chart trend-chart"');
    expect(html).toContain('<h2>Goal tree</h2>');
    expect(html).not.toMatch(/src=|href=|@import|url\(/);
    expect(renderHtml(progressDocument(report('en')))).toBe(html);
  });

  it('writes the history as a timeline table', () => {
    const history = buildProgrammeHistory(
      {
        period: { from: '2026-01-01', to: '2026-12-31' },
        network: { id: 'n', name: 'Netzwerk', region: 'R', responsibleBody: 'J', municipalities: [], programme: null, registeredOn: '2016-01-01' },
        cycles: [],
        leitbildVersions: [],
        goalEvents: [defined('g-2', 'Väter erreichen', '2026-03-01')],
        decisions: [],
      },
      'de',
    );
    const markdown = renderMarkdown(historyDocument(history));
    expect(markdown).toContain('# Programmhistorie: Netzwerk');
    expect(markdown).toContain('| Datum | Ereignis | Betrifft | Einzelheiten | Beschluss |');
    expect(markdown).toContain('| 01.03.2026 | Ziel festgelegt | Väter erreichen | Handlungsziel | – |');
  });
});

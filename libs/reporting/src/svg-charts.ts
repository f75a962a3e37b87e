import { formatDate, formatNumber, formatPercent } from './locale-format';
import { IndicatorReport } from './progress-report';
import { ReportPeriod } from './report-data';
import { ReportLanguage, text } from './texts';

/** Small charts as inline SVG strings: no script, no external reference, the same bytes for the same figures. */

const FONT = "font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, sans-serif\"";

export const ASSESSMENT_COLOURS: Record<string, string> = {
  achieved: '#1b7f3b',
  on_track: '#4caf50',
  at_risk: '#f0a500',
  off_track: '#c62828',
  not_assessable: '#7e57c2',
  not_reviewed: '#9e9e9e',
};

/** Coordinates with one decimal, so that floating-point noise never reaches the output. */
const n = (value: number) => (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Horizontal bars, one per category, with the count at the end of each bar. */
export function barChart(items: { key: string; label: string; count: number }[], title: string): string {
  const labelWidth = 190;
  const barWidth = 300;
  const rowHeight = 22;
  const width = labelWidth + barWidth + 50;
  const height = items.length * rowHeight + 8;
  const max = Math.max(1, ...items.map((item) => item.count));
  const rows = items.map((item, index) => {
    const y = 4 + index * rowHeight;
    const length = (item.count / max) * barWidth;
    const colour = ASSESSMENT_COLOURS[item.key] ?? '#607d8b';
    return (
      `<text x="${labelWidth - 8}" y="${n(y + 15)}" text-anchor="end" font-size="12" ${FONT}>${escapeXml(item.label)}</text>` +
      `<rect x="${labelWidth}" y="${n(y + 3)}" width="${n(length)}" height="16" rx="2" fill="${colour}"/>` +
      `<text x="${n(labelWidth + length + 6)}" y="${n(y + 15)}" font-size="12" ${FONT}>${item.count}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>${rows.join('')}</svg>`
  );
}

/**
 * An indicator's course over the period: the value it started from and each measurement in the period by
 * date, between its baseline (dotted) and its target (dashed).
 */
export function trendChart(indicator: IndicatorReport, period: ReportPeriod, language: ReportLanguage): string {
  const width = 150;
  const height = 40;
  const left = 4;
  const right = width - 4;
  const top = 4;
  const bottom = height - 4;
  const values = [indicator.baseline, indicator.target, ...indicator.points.map((point) => point.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const days = Math.max(1, (Date.parse(`${period.to}T00:00:00Z`) - start) / 86_400_000);
  const x = (on: string) => left + (((Date.parse(`${on}T00:00:00Z`) - start) / 86_400_000) / days) * (right - left);
  const y = (value: number) => bottom - ((value - low) / span) * (bottom - top);
  const line = (value: number, colour: string, dash: string) =>
    `<line x1="${left}" x2="${right}" y1="${n(y(value))}" y2="${n(y(value))}" stroke="${colour}" stroke-width="1" stroke-dasharray="${dash}"/>`;
  const points = indicator.points.map((point) => `${n(x(point.on))},${n(y(point.value))}`);
  const dots = indicator.points.map((point) => `<circle cx="${n(x(point.on))}" cy="${n(y(point.value))}" r="2.5" fill="#1565c0"/>`);
  const described = indicator.points.map((point) => `${formatDate(point.on, language)}: ${formatNumber(point.value, language)}`).join('; ');
  const title = `${text('chartTrend', language)} ${indicator.name}: ${described} (${text('target', language)} ${formatNumber(indicator.target, language)})`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart trend-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#fafafa" stroke="#e0e0e0"/>` +
    line(indicator.baseline, '#9e9e9e', '2 2') +
    line(indicator.target, '#1b7f3b', '5 3') +
    (points.length > 1 ? `<polyline points="${points.join(' ')}" fill="none" stroke="#1565c0" stroke-width="1.5"/>` : '') +
    dots.join('') +
    `</svg>`
  );
}

/** A bar 0–100 % with the figure beside it. */
export function progressBar(percent: number | null, language: ReportLanguage): string {
  if (percent === null) return '–';
  const width = 80;
  const filled = (Math.min(100, Math.max(0, percent)) / 100) * width;
  const label = formatPercent(percent, language);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart progress-bar" width="${width}" height="10" viewBox="0 0 ${width} 10" role="img" aria-label="${escapeXml(label)}">` +
    `<rect x="0" y="0" width="${width}" height="10" rx="2" fill="#e0e0e0"/><rect x="0" y="0" width="${n(filled)}" height="10" rx="2" fill="#1565c0"/></svg> ${escapeXml(label)}`
  );
}

import { isConceptValue } from '@kreislauf/domain';
import { ReactNode, useEffect, useRef } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** The page's heading; it takes the focus after a navigation so that screen readers announce the new page. */
export function PageTitle({ children, subtitle }: { children: ReactNode; subtitle?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    document.title = `${heading.current?.textContent ?? ''} – kreislauf`;
  }, [children]);
  return (
    <header className="page-title">
      <h1 ref={heading} tabIndex={-1}>
        {children}
      </h1>
      {subtitle ? <p className="subtitle">{subtitle}</p> : null}
    </header>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

export function ErrorNotice({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const text =
    error.status === 0 ? t('app.unreachable') : error.status === 403 ? t('app.forbidden') : t('app.error', { detail: error.problem.detail ?? error.problem.title });
  return (
    <div className="notice notice-error" role="alert">
      {text}
    </div>
  );
}

/** Progress towards the target: a bar with its number as text, never colour alone. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const { t, percent } = useI18n();
  if (value === null) return <span className="muted">{t('board.noProgress')}</span>;
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <span className="progress">
      <span className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(clamped)} aria-valuetext={percent(value)}>
        <span className="progress-fill" style={{ width: `${clamped}%` }} />
      </span>
      <span className="progress-text">{percent(value)}</span>
    </span>
  );
}

/** The last assessment as a coloured badge with its word. */
export function AssessmentBadge({ assessment }: { assessment: string | null }) {
  const { t, concept } = useI18n();
  const known = isConceptValue('assessment', assessment) ? assessment : null;
  return <span className={`badge badge-${known ?? 'none'}`}>{known ? concept('assessment', known) : t('assessment.none')}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const { concept } = useI18n();
  return <span className={`badge badge-status-${status}`}>{concept('goalStatus', status)}</span>;
}

export interface ChartPoint {
  date: string;
  value: number;
}

/**
 * Measurements over time against the baseline and the target: an SVG line chart with a text alternative
 * (the table of measurements beside it carries the same numbers).
 */
export function LineChart({ points, baseline, target, start, end, label }: { points: ChartPoint[]; baseline: number; target: number; start: string; end: string; label: string }) {
  const { date, number, t } = useI18n();
  const width = 560;
  const height = 220;
  const pad = { left: 56, right: 16, top: 16, bottom: 36 };
  const values = [baseline, target, ...points.map((point) => point.value)];
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) {
    low -= 1;
    high += 1;
  }
  const margin = (high - low) * 0.1;
  low -= margin;
  high += margin;
  const days = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`).getTime();
  const from = Math.min(days(start), ...points.map((point) => days(point.date)));
  const to = Math.max(days(end), ...points.map((point) => days(point.date)), from + 86_400_000);
  const x = (day: string) => pad.left + ((days(day) - from) / (to - from)) * (width - pad.left - pad.right);
  const y = (value: number) => pad.top + (1 - (value - low) / (high - low)) * (height - pad.top - pad.bottom);
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const line = [{ date: start, value: baseline }, ...sorted].map((point) => `${x(point.date).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        <line x1={pad.left} x2={width - pad.right} y1={y(baseline)} y2={y(baseline)} className="chart-baseline" />
        <text x={pad.left + 4} y={y(baseline) - 4} className="chart-note">
          {t('goal.indicator.baseline')} {number(baseline)}
        </text>
        <line x1={pad.left} x2={width - pad.right} y1={y(target)} y2={y(target)} className="chart-target" />
        <text x={width - pad.right - 4} y={y(target) - 4} className="chart-note" textAnchor="end">
          {t('goal.indicator.target')} {number(target)}
        </text>
        <line x1={pad.left} x2={pad.left} y1={pad.top} y2={height - pad.bottom} className="chart-axis" />
        <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} className="chart-axis" />
        <text x={pad.left - 6} y={y(high - margin) + 4} className="chart-tick" textAnchor="end">
          {number(high - margin)}
        </text>
        <text x={pad.left - 6} y={y(low + margin) + 4} className="chart-tick" textAnchor="end">
          {number(low + margin)}
        </text>
        <text x={pad.left} y={height - 12} className="chart-tick">
          {date(start)}
        </text>
        <text x={width - pad.right} y={height - 12} className="chart-tick" textAnchor="end">
          {date(end)}
        </text>
        <polyline points={line} className="chart-line" />
        {sorted.map((point) => (
          <circle key={`${point.date}-${point.value}`} cx={x(point.date)} cy={y(point.value)} r={4} className="chart-point" />
        ))}
      </svg>
    </figure>
  );
}

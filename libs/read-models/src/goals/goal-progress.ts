import { IndicatorView } from './goal.entities';

/** How far an indicator has come from its baseline towards its target, 0–100, one decimal. */
export function indicatorProgress(indicator: Pick<IndicatorView, 'baseline' | 'target' | 'latestValue'>): number {
  const { baseline, target, latestValue } = indicator;
  if (latestValue === null || target === baseline) return 0;
  const share = (latestValue - baseline) / (target - baseline);
  return round(Math.min(1, Math.max(0, share)) * 100);
}

/** The mean of the given percentages, or null when there are none. */
export function averageProgress(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  return round(known.reduce((sum, value) => sum + value, 0) / known.length);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

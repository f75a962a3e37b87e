import { ReportLanguage } from './texts';

const LOCALES: Record<ReportLanguage, string> = { de: 'de-DE', en: 'en-GB' };

interface Formatters {
  shortDate: Intl.DateTimeFormat;
  longDate: Intl.DateTimeFormat;
  number: Intl.NumberFormat;
  percent: Intl.NumberFormat;
}

const FORMATTERS = new Map<ReportLanguage, Formatters>();

function formattersOf(language: ReportLanguage): Formatters {
  let formatters = FORMATTERS.get(language);
  if (!formatters) {
    const locale = LOCALES[language];
    // Business dates have no time of day: formatting them in UTC keeps the day whatever the server's zone.
    formatters = {
      shortDate: new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
      longDate: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
    };
    FORMATTERS.set(language, formatters);
  }
  return formatters;
}

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** 10.03.2026 / 10/03/2026. */
export function formatDate(isoDate: string, language: ReportLanguage): string {
  return formattersOf(language).shortDate.format(day(isoDate));
}

/** 10. März 2026 / 10 March 2026. */
export function formatLongDate(isoDate: string, language: ReportLanguage): string {
  return formattersOf(language).longDate.format(day(isoDate));
}

/** 1.234,5 / 1,234.5. */
export function formatNumber(value: number, language: ReportLanguage): string {
  return formattersOf(language).number.format(value);
}

/** A percentage given as 0–100: 37,5 % / 37.5%. */
export function formatPercent(value: number, language: ReportLanguage): string {
  return formattersOf(language).percent.format(value / 100);
}

/** Rounds half away from zero to a fixed number of decimals, the one rounding every figure of a report uses. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}

import { AnyEventType, ConceptCatalogue, conceptText, ConceptValue, eventTitle, Lookup } from '@kreislauf/domain';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Locale, MessageKey, MESSAGES } from './messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** A calendar day (YYYY-MM-DD) in the locale, e.g. 15.09.2026. */
  date(day: string | null | undefined): string;
  /** An instant in the locale, with the time. */
  dateTime(instant: string): string;
  number(value: number | null | undefined, fractionDigits?: number): string;
  percent(value: number | null | undefined): string;
  /** A label from a catalogue entry with German and English texts. */
  label(entry: { de: string; en: string } | undefined, fallback: string): string;
  /** The domain catalogue's label of a value, as the audit log and the reports read it; a value it does not know stands for itself. */
  concept<Catalogue extends ConceptCatalogue, Value extends string>(catalogue: Catalogue, value: Lookup<ConceptValue<Catalogue>, Value>): string;
  /** The domain's title of an event type; a type it does not know stands for itself. */
  eventTitle<Type extends string>(type: Lookup<AnyEventType, Type>): string;
}

const LOCALE_KEY = 'kreislauf.locale';
const Context = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = localStorage.getItem(LOCALE_KEY);
  return stored === 'en' || stored === 'de' ? stored : 'de';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(LOCALE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const tag = locale === 'de' ? 'de-DE' : 'en-GB';
    const dayFormat = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    const timeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      locale,
      setLocale,
      t: (key, params = {}) => MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)),
      date: (day) => {
        if (!day) return MESSAGES[locale]['app.none'];
        const parsed = new Date(`${day.slice(0, 10)}T00:00:00Z`);
        return Number.isNaN(parsed.getTime()) ? day : dayFormat.format(parsed);
      },
      dateTime: (instant) => {
        const parsed = new Date(instant);
        return Number.isNaN(parsed.getTime()) ? instant : timeFormat.format(parsed);
      },
      number: (value, fractionDigits = 2) =>
        value === null || value === undefined ? MESSAGES[locale]['app.none'] : new Intl.NumberFormat(tag, { maximumFractionDigits: fractionDigits }).format(value),
      percent: (value) =>
        value === null || value === undefined ? MESSAGES[locale]['app.none'] : new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100),
      label: (entry, fallback) => (entry ? entry[locale] : fallback),
      concept: (catalogue, value) => conceptText(catalogue, value, locale),
      eventTitle: (type) => eventTitle(type, locale),
    };
  }, [locale, setLocale]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

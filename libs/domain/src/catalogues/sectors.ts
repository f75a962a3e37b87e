/** The sectors a member organisation of a prevention network works in. */
export const SECTORS = [
  { key: 'day_care', de: 'Kindertagesbetreuung', en: 'Day care' },
  { key: 'youth_welfare', de: 'Kinder- und Jugendhilfe', en: 'Youth welfare' },
  { key: 'health', de: 'Gesundheitswesen', en: 'Health' },
  { key: 'school', de: 'Schule', en: 'School' },
  { key: 'family_education', de: 'Familienbildung', en: 'Family education' },
  { key: 'family_counselling', de: 'Familien- und Erziehungsberatung', en: 'Family counselling' },
  { key: 'educational_support', de: 'Hilfen zur Erziehung', en: 'Educational support' },
  { key: 'housing', de: 'Wohnungswirtschaft', en: 'Housing' },
  { key: 'association', de: 'Verein, Verband', en: 'Association' },
  { key: 'authority', de: 'Behörde, Verwaltung', en: 'Authority' },
  { key: 'other', de: 'Sonstige', en: 'Other' },
] as const;

export type Sector = (typeof SECTORS)[number]['key'];

export const SECTOR_KEYS: readonly string[] = SECTORS.map((sector) => sector.key);

export function isSector(key: string): key is Sector {
  return SECTOR_KEYS.includes(key);
}

export function sectorLabel(key: string): { key: string; de: string; en: string } {
  return SECTORS.find((sector) => sector.key === key) ?? { key, de: key, en: key };
}

/** Life phases of a prevention chain, from pregnancy to the entry into work. */
export const LIFE_PHASES = [
  { key: 'pregnancy', de: 'Schwangerschaft', en: 'Pregnancy' },
  { key: 'age_0_3', de: '0 bis 3 Jahre', en: 'Age 0–3' },
  { key: 'age_3_6', de: '3 bis 6 Jahre', en: 'Age 3–6' },
  { key: 'primary_school', de: 'Grundschule', en: 'Primary school' },
  { key: 'secondary_school', de: 'Weiterführende Schule', en: 'Secondary school' },
  { key: 'transition_to_work', de: 'Übergang in den Beruf', en: 'Transition to work' },
] as const;

export type LifePhase = (typeof LIFE_PHASES)[number]['key'];

export const LIFE_PHASE_KEYS: readonly string[] = LIFE_PHASES.map((phase) => phase.key);

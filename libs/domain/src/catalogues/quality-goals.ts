/** The 7 quality goals of the NRW programme "kinderstark – NRW schafft Chancen". Keys are stored in events. */
export const KINDERSTARK_QUALITY_GOALS = [
  { key: 'participation', de: 'Beteiligungsorientierung', en: 'Participation orientation' },
  { key: 'strengthen_parents_children', de: 'Eltern stärken – Kinder stärken', en: 'Strengthen parents – strengthen children' },
  { key: 'outreach', de: 'Aufsuchender Ansatz', en: 'Outreach approach' },
  { key: 'equity', de: 'Ungleiches ungleich behandeln', en: 'Treat unequal things unequally' },
  {
    key: 'social_inclusion',
    de: 'Soziale Inklusion – Zugang zu Bildung, Gesundheit, Teilhabe',
    en: 'Social inclusion – access to education, health, participation',
  },
  { key: 'smooth_transitions', de: '(Bildungs-)Übergänge fließend gestalten', en: 'Smooth (educational) transitions' },
  { key: 'multiprofessional_cooperation', de: 'Multiprofessionelle Zusammenarbeit', en: 'Multi-professional cooperation' },
] as const;

export type QualityGoalKey = (typeof KINDERSTARK_QUALITY_GOALS)[number]['key'];

export const QUALITY_GOAL_KEYS: readonly string[] = KINDERSTARK_QUALITY_GOALS.map((goal) => goal.key);

export function isQualityGoalKey(key: string): key is QualityGoalKey {
  return QUALITY_GOAL_KEYS.includes(key);
}

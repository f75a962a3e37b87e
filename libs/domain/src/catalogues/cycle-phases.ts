/** The four steps of the quality cycle (Qualitätskreislauf), entered in this order. */
export const CYCLE_PHASES = ['leitbild', 'steering', 'concretisation', 'reflection'] as const;

export type CyclePhase = (typeof CYCLE_PHASES)[number];

export const CYCLE_PHASE_LABELS: Record<CyclePhase, { de: string; en: string }> = {
  leitbild: { de: 'Entwicklung eines kommunalen Präventionsleitbilds', en: 'Developing a municipal prevention vision' },
  steering: { de: 'Strategische Steuerung und Zielentwicklung', en: 'Strategic steering and goal development' },
  concretisation: { de: 'Zielkonkretisierung und Umsetzung', en: 'Goal concretisation and implementation' },
  reflection: { de: 'Reflexion und Neuausrichtung', en: 'Reflection and reorientation' },
};

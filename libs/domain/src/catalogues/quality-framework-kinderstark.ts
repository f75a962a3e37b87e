import { FrameworkVersion } from './quality-framework';
import { KINDERSTARK_QUALITY_GOALS } from './quality-goals';

/** The 7 quality goals of kinderstark as a catalogue of the same kind: one dimension, one theme, a goal per quality goal. */
export const KINDERSTARK_FRAMEWORK_ID = '0f2b6c1e-9d3a-4c5e-8f7a-6b1d2e3f4a02';

/** Version 1 as shipped. The item keys are the quality-goal keys that goals are tagged with. */
export const KINDERSTARK_FRAMEWORK_V1: FrameworkVersion = {
  frameworkId: KINDERSTARK_FRAMEWORK_ID,
  version: 1,
  source: 'shipped',
  publishedOn: null,
  title: { de: 'Qualitätsziele „kinderstark – NRW schafft Chancen“', en: 'Quality goals of "kinderstark – NRW schafft Chancen"' },
  dimensions: [
    {
      key: 'quality_goals',
      number: 1,
      title: { de: 'Qualitätsziele', en: 'Quality goals' },
      description: {
        de: 'Die sieben Qualitätsziele des Landesprogramms, an denen sich die Präventionsnetzwerke ausrichten.',
        en: 'The seven quality goals of the state programme that prevention networks align with.',
      },
      keyQuestions: [],
      themes: [
        {
          key: 'quality_goals',
          title: { de: 'Qualitätsziele', en: 'Quality goals' },
          goals: KINDERSTARK_QUALITY_GOALS.map((goal) => ({ key: goal.key, text: { de: goal.de, en: goal.en } })),
        },
      ],
      strategicQuestions: [],
    },
  ],
};

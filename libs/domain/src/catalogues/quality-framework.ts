import { IsoDate } from '../domain-event';

/** A text in German (first) and English. */
export interface Label {
  de: string;
  en: string;
}

/** A development goal (Entwicklungsziel) of a theme: what a self-assessment round rates. Its key is stored in ratings. */
export interface FrameworkGoal {
  key: string;
  text: Label;
}

export interface FrameworkTheme {
  key: string;
  title: Label;
  goals: FrameworkGoal[];
}

/** A question to discuss with decision makers of the strategic-political level (strategisch-politische Ebene). */
export interface FrameworkQuestion {
  key: string;
  text: Label;
}

/** A quality dimension: its themes with their development goals. A dimension present only by name has no themes yet. */
export interface FrameworkDimension {
  key: string;
  number: number;
  title: Label;
  description: Label | null;
  /** "Zentrale Fragen im Überblick": the questions the dimension asks. */
  keyQuestions: Label[];
  themes: FrameworkTheme[];
  strategicQuestions: FrameworkQuestion[];
}

/** What a version of a framework says: a new revision of the framework is a new version, old ones stay as they were. */
export interface FrameworkContent {
  title: Label;
  dimensions: FrameworkDimension[];
}

export interface FrameworkVersion extends FrameworkContent {
  frameworkId: string;
  version: number;
  /** `shipped`: a code constant of this service; `published`: published by an administrator as an event. */
  source: 'shipped' | 'published';
  publishedOn: IsoDate | null;
}

/** One ratable item of a round: a development goal with the dimension and theme it belongs to. */
export interface FrameworkItem {
  key: string;
  dimensionKey: string;
  themeKey: string;
}

/** The development goals of the named dimensions, in framework order. */
export function itemsOf(content: FrameworkContent, dimensionKeys: readonly string[]): FrameworkItem[] {
  return content.dimensions
    .filter((dimension) => dimensionKeys.includes(dimension.key))
    .flatMap((dimension) => dimension.themes.flatMap((theme) => theme.goals.map((goal) => ({ key: goal.key, dimensionKey: dimension.key, themeKey: theme.key }))));
}

/** The text of a development goal, or null when the version has no such goal. */
export function goalTextOf(content: FrameworkContent, itemKey: string): Label | null {
  for (const dimension of content.dimensions) {
    for (const theme of dimension.themes) {
      const goal = theme.goals.find((known) => known.key === itemKey);
      if (goal) return goal.text;
    }
  }
  return null;
}

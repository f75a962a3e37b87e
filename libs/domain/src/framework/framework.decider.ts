import { FrameworkContent } from '../catalogues/quality-framework';
import { Decider, IsoDate } from '../domain-event';
import { FrameworkCommand } from './framework.commands';
import { FrameworkDateOutOfOrder, InvalidFrameworkContent } from './framework.errors';
import { FrameworkEvent, frameworkEventRegistry, FrameworkVersionPublishedData } from './framework.contract';

/** The versions an administrator published in the framework's stream (shipped versions are not in it). */
export interface FrameworkState {
  latestPublished: { version: number; publishedOn: IsoDate } | null;
}

export const initialFrameworkState: FrameworkState = { latestPublished: null };

const KEY = /^[a-z0-9_.]{1,80}$/;

/** Publishing gives the next version number after every shipped and published one; the content is checked whole. */
export function decideFramework(command: FrameworkCommand, state: FrameworkState): FrameworkEvent[] {
  const { frameworkId, data, facts } = command;
  if (state.latestPublished && data.publishedOn < state.latestPublished.publishedOn) {
    throw new FrameworkDateOutOfOrder(data.publishedOn, state.latestPublished.publishedOn);
  }
  checkContent(data);
  const version = Math.max(facts.latestShippedVersion, state.latestPublished?.version ?? 0) + 1;
  const published: FrameworkVersionPublishedData = { frameworkId, version, title: data.title, dimensions: data.dimensions, publishedOn: data.publishedOn };
  return [{ type: 'FrameworkVersionPublished', schemaVersion: frameworkEventRegistry.FrameworkVersionPublished.version, data: published }];
}

export function evolveFramework(state: FrameworkState, event: FrameworkEvent): FrameworkState {
  switch (event.type) {
    case 'FrameworkVersionPublished':
      return { latestPublished: { version: event.data.version, publishedOn: event.data.publishedOn } };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}

export const frameworkDecider: Decider<FrameworkCommand, FrameworkEvent, FrameworkState> = {
  decide: decideFramework,
  evolve: evolveFramework,
  initialState: initialFrameworkState,
};

function checkContent(content: FrameworkContent): void {
  const blank = (label: { de: string; en: string }) => label.de.trim() === '' || label.en.trim() === '';
  if (blank(content.title)) throw new InvalidFrameworkContent('A framework has a German and an English title');
  if (content.dimensions.length === 0) throw new InvalidFrameworkContent('A framework has at least one dimension');
  repeatedKeys('dimension', content.dimensions.map((dimension) => dimension.key));
  repeatedKeys('dimension number', content.dimensions.map((dimension) => String(dimension.number)));
  // Ratings name a development goal by key alone, so a key is unique across the whole version.
  repeatedKeys('development goal', content.dimensions.flatMap((dimension) => dimension.themes.flatMap((theme) => theme.goals.map((goal) => goal.key))));
  for (const dimension of content.dimensions) {
    if (blank(dimension.title)) throw new InvalidFrameworkContent(`Dimension ${dimension.key} has a German and an English title`, { dimension: dimension.key });
    repeatedKeys(`theme of ${dimension.key}`, dimension.themes.map((theme) => theme.key));
    repeatedKeys(`question of ${dimension.key}`, dimension.strategicQuestions.map((question) => question.key));
    const keys = [dimension.key, ...dimension.themes.flatMap((theme) => [theme.key, ...theme.goals.map((goal) => goal.key)]), ...dimension.strategicQuestions.map((question) => question.key)];
    const malformed = keys.filter((key) => !KEY.test(key));
    if (malformed.length > 0) throw new InvalidFrameworkContent('Keys are 1 to 80 lower-case letters, digits, "_" or "."', { malformed });
    for (const theme of dimension.themes) {
      if (blank(theme.title)) throw new InvalidFrameworkContent(`Theme ${theme.key} has a German and an English title`, { theme: theme.key });
      if (theme.goals.length === 0) throw new InvalidFrameworkContent(`Theme ${theme.key} has at least one development goal`, { theme: theme.key });
      const untold = theme.goals.filter((goal) => blank(goal.text)).map((goal) => goal.key);
      if (untold.length > 0) throw new InvalidFrameworkContent('Every development goal is stated in German and English', { goals: untold });
    }
    const unasked = dimension.strategicQuestions.filter((question) => blank(question.text)).map((question) => question.key);
    if (unasked.length > 0) throw new InvalidFrameworkContent('Every question is stated in German and English', { questions: unasked });
  }
}

function repeatedKeys(what: string, keys: string[]): void {
  const repeated = [...new Set(keys.filter((key, index) => keys.indexOf(key) !== index))];
  if (repeated.length > 0) throw new InvalidFrameworkContent(`Each ${what} has a key of its own`, { repeated });
}

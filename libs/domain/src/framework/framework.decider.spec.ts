import { FrameworkContent } from '../catalogues/quality-framework';
import { NZFH_FRAMEWORK_ID, NZFH_FRAMEWORK_V1 } from '../catalogues/quality-framework-nzfh';
import { specify } from '../testing/decider-specification';
import { PublishFrameworkVersion } from './framework.commands';
import { frameworkDecider } from './framework.decider';
import { FrameworkDateOutOfOrder, InvalidFrameworkContent } from './framework.errors';
import { FrameworkVersionPublished } from './framework.events';

const { title, dimensions } = NZFH_FRAMEWORK_V1;
/** Version 1 with dimension 4 "Zielbestimmung" filled in by an administrator. */
const withGoalSetting: FrameworkContent = {
  title,
  dimensions: dimensions.map((dimension) =>
    dimension.key === 'goal_setting'
      ? {
          ...dimension,
          themes: [{ key: 'goal_setting.goals', title: { de: 'Ziele', en: 'Goals' }, goals: [{ key: 'goal_setting.goals.defined', text: { de: 'Ziele sind festgelegt.', en: 'Goals are set.' } }] }],
        }
      : dimension,
  ),
};
const publish = (content: Partial<FrameworkContent> = {}, publishedOn = '2026-05-01', latestShippedVersion = 1): PublishFrameworkVersion => ({
  type: 'PublishFrameworkVersion',
  frameworkId: NZFH_FRAMEWORK_ID,
  data: { ...withGoalSetting, ...content, publishedOn },
  facts: { latestShippedVersion },
});
const published = (version: number, publishedOn = '2026-05-01'): FrameworkVersionPublished => ({
  type: 'FrameworkVersionPublished',
  schemaVersion: 1,
  data: { frameworkId: NZFH_FRAMEWORK_ID, version, ...withGoalSetting, publishedOn },
});

const framework = specify(frameworkDecider);

describe('framework decider', () => {
  it('publishes the version after the shipped one', () => {
    framework.given().when(publish()).then([published(2)]);
  });

  it('publishes the version after the latest published one', () => {
    framework.given(published(2)).when(publish({}, '2026-06-01')).then([published(3, '2026-06-01')]);
  });

  it('starts a framework the service does not ship at version 1', () => {
    framework.given().when(publish({}, '2026-05-01', 0)).then([published(1)]);
  });

  it('refuses a version dated before the latest published one', () => {
    framework.given(published(2)).when(publish({}, '2026-04-30')).thenThrows(FrameworkDateOutOfOrder, 'framework.date_out_of_order');
  });

  it('refuses content without a title or a dimension, with repeated keys, or with a theme without goals', () => {
    framework.given().when(publish({ title: { de: 'Qualitätsrahmen', en: ' ' } })).thenThrows(InvalidFrameworkContent, 'framework.invalid_content');
    framework.given().when(publish({ dimensions: [] })).thenThrows(InvalidFrameworkContent);
    framework.given().when(publish({ dimensions: [dimensions[0], dimensions[0]] })).thenThrows(InvalidFrameworkContent);
    const network = dimensions[2];
    const sameGoalTwice = { ...network, themes: [network.themes[0], { ...network.themes[0], key: 'network.copy' }] };
    framework.given().when(publish({ dimensions: [sameGoalTwice] })).thenThrows(InvalidFrameworkContent);
    const emptyTheme = { ...network, themes: [{ ...network.themes[0], goals: [] }] };
    framework.given().when(publish({ dimensions: [emptyTheme] })).thenThrows(InvalidFrameworkContent);
  });

  it('refuses malformed keys and development goals without a German or English text', () => {
    const network = dimensions[2];
    framework.given().when(publish({ dimensions: [{ ...network, key: 'Netzwerk!' }] })).thenThrows(InvalidFrameworkContent);
    const untold = { ...network, themes: [{ ...network.themes[0], goals: [{ key: 'network.x', text: { de: '', en: 'x' } }] }] };
    framework.given().when(publish({ dimensions: [untold] })).thenThrows(InvalidFrameworkContent);
  });

  it('ships the NZFH framework with dimension 3 complete and the other eight by name', () => {
    const network = dimensions.find((dimension) => dimension.number === 3)!;
    expect(dimensions).toHaveLength(9);
    expect(network.themes.map((theme) => theme.goals.length)).toEqual([4, 6, 2, 1]);
    expect(network.strategicQuestions).toHaveLength(10);
    expect(dimensions.filter((dimension) => dimension.themes.length === 0)).toHaveLength(8);
  });
});

import { NZFH_FRAMEWORK_ID, NZFH_FRAMEWORK_V1 } from '../catalogues/quality-framework-nzfh';
import { CycleNotFound } from '../network/network.errors';
import { specify } from '../testing/decider-specification';
import { AssessmentOpening, OpenAssessment, OpeningFacts, PrioritiseItem, SubmitRatings } from './assessment.commands';
import { assessmentDecider } from './assessment.decider';
import {
  AssessmentAlreadyOpened,
  AssessmentClosedAlready,
  AssessmentDateOutOfOrder,
  AssessmentNotClosed,
  AssessmentNotFound,
  CycleNotOpenForAssessment,
  InvalidDimensions,
  InvalidRaters,
  InvalidRatings,
  ItemAlreadyPrioritised,
  NotARater,
  UnknownFrameworkVersion,
  UnknownItems,
} from './assessment.errors';
import { AssessmentClosed, AssessmentItemPrioritised, AssessmentOpened, RatingsSubmitted } from './assessment.events';

const networkId = 'n0000000-0000-4000-8000-000000000001';
const cycleId = 'c0000000-0000-4000-8000-000000000001';
const assessmentId = 'a0000000-0000-4000-8000-000000000001';
const steeringItem = 'network.actors.strategic_steering';
const reviewItem = 'network.goals.review_system';

const opening: AssessmentOpening = {
  networkId,
  cycleId,
  frameworkId: NZFH_FRAMEWORK_ID,
  frameworkVersion: 1,
  dimensionKeys: ['network'],
  raters: ['u-anna', 'u-ben'],
  visibility: 'anonymous',
  openedOn: '2026-02-01',
};
const facts: OpeningFacts = { cycle: { networkId, status: 'open' }, framework: NZFH_FRAMEWORK_V1, peopleWithRole: ['u-anna', 'u-ben', 'u-carla'] };
const open = (data: Partial<AssessmentOpening> = {}, given: Partial<OpeningFacts> = {}): OpenAssessment => ({
  type: 'OpenAssessment',
  assessmentId,
  data: { ...opening, ...data },
  facts: { ...facts, ...given },
});
const rate = (data: Partial<SubmitRatings['data']> = {}): SubmitRatings => ({
  type: 'SubmitRatings',
  assessmentId,
  data: { raterId: 'u-anna', ratings: [{ itemKey: steeringItem, rating: 'partly_reached', comment: 'Steuerungsgruppe tagt selten' }], ratedOn: '2026-02-05', ...data },
});
const close = (closedOn = '2026-02-20') => ({ type: 'CloseAssessment' as const, assessmentId, data: { closedOn } });
const prioritise = (data: Partial<PrioritiseItem['data']> = {}): PrioritiseItem => ({
  type: 'PrioritiseItem',
  assessmentId,
  data: { itemKey: reviewItem, prioritisedOn: '2026-02-25', note: 'Größte Uneinigkeit', ...data },
});

const networkItems = NZFH_FRAMEWORK_V1.dimensions.find((dimension) => dimension.key === 'network')!.themes.flatMap((theme) =>
  theme.goals.map((goal) => ({ key: goal.key, dimensionKey: 'network', themeKey: theme.key })),
);
const opened: AssessmentOpened = { type: 'AssessmentOpened', schemaVersion: 1, data: { ...opening, items: networkItems } };
const rated: RatingsSubmitted = { type: 'RatingsSubmitted', schemaVersion: 1, data: rate().data };
const closed: AssessmentClosed = { type: 'AssessmentClosed', schemaVersion: 1, data: { closedOn: '2026-02-20' } };
const prioritised: AssessmentItemPrioritised = { type: 'AssessmentItemPrioritised', schemaVersion: 1, data: prioritise().data };

const round = specify(assessmentDecider);

describe('assessment decider', () => {
  describe('open', () => {
    it('opens a round on the development goals of the chosen dimensions, in framework order', () => {
      round.given().when(open()).then([opened]);
      expect(networkItems).toHaveLength(13);
    });

    it('refuses to open a round twice', () => {
      round.given(opened).when(open()).thenThrows(AssessmentAlreadyOpened, 'assessment.already_opened');
    });

    it('opens in an open cycle of the round’s own network only', () => {
      round.given().when(open({}, { cycle: null })).thenThrows(CycleNotFound, 'cycle.not_found');
      round.given().when(open({}, { cycle: { networkId: 'other', status: 'open' } })).thenThrows(CycleNotFound);
      round.given().when(open({}, { cycle: { networkId, status: 'closed' } })).thenThrows(CycleNotOpenForAssessment, 'assessment.cycle_not_open');
    });

    it('refuses a framework version that does not exist', () => {
      round.given().when(open({ frameworkVersion: 7 }, { framework: null })).thenThrows(UnknownFrameworkVersion, 'assessment.unknown_framework_version');
    });

    it('refuses no dimension, a dimension twice, an unknown one, and one present by name only', () => {
      round.given().when(open({ dimensionKeys: [] })).thenThrows(InvalidDimensions, 'assessment.invalid_dimensions');
      round.given().when(open({ dimensionKeys: ['network', 'network'] })).thenThrows(InvalidDimensions);
      round.given().when(open({ dimensionKeys: ['network', 'weather'] })).thenThrows(InvalidDimensions);
      round.given().when(open({ dimensionKeys: ['network', 'planning'] })).thenThrows(InvalidDimensions);
    });

    it('names at least one rater, each once, each with a role in the network', () => {
      round.given().when(open({ raters: [] })).thenThrows(InvalidRaters, 'assessment.invalid_raters');
      round.given().when(open({ raters: ['u-anna', 'u-anna'] })).thenThrows(InvalidRaters);
      round.given().when(open({ raters: ['u-anna', 'u-stranger'] })).thenThrows(InvalidRaters);
    });
  });

  describe('rate', () => {
    it('takes a named rater’s ratings with comments', () => {
      round.given(opened).when(rate()).then([rated]);
    });

    it('lets a rater revise their ratings until the round is closed', () => {
      const revised = rate({ ratings: [{ itemKey: steeringItem, rating: 'largely_reached', comment: '' }], ratedOn: '2026-02-06' });
      round.given(opened, rated).when(revised).then([{ type: 'RatingsSubmitted', schemaVersion: 1, data: revised.data }]);
      round.given(opened, rated, closed).when(revised).thenThrows(AssessmentClosedAlready, 'assessment.closed');
    });

    it('refuses anyone not named as a rater', () => {
      round.given(opened).when(rate({ raterId: 'u-carla' })).thenThrows(NotARater, 'assessment.not_a_rater');
    });

    it('accepts "cannot judge" as an answer', () => {
      const cannot = rate({ ratings: [{ itemKey: reviewItem, rating: 'cannot_judge', comment: 'Neu im Netzwerk' }] });
      round.given(opened).when(cannot).then([{ type: 'RatingsSubmitted', schemaVersion: 1, data: cannot.data }]);
    });

    it('refuses an empty submission, an item twice and an item not in the round', () => {
      round.given(opened).when(rate({ ratings: [] })).thenThrows(InvalidRatings, 'assessment.invalid_ratings');
      const twice = { itemKey: steeringItem, rating: 'fully_reached' as const, comment: '' };
      round.given(opened).when(rate({ ratings: [twice, twice] })).thenThrows(InvalidRatings);
      round.given(opened).when(rate({ ratings: [{ itemKey: 'participation', rating: 'fully_reached', comment: '' }] })).thenThrows(UnknownItems, 'assessment.unknown_items');
    });

    it('refuses a rating dated before the opening, and one of a round that does not exist', () => {
      round.given(opened).when(rate({ ratedOn: '2026-01-31' })).thenThrows(AssessmentDateOutOfOrder, 'assessment.date_out_of_order');
      round.given().when(rate()).thenThrows(AssessmentNotFound, 'assessment.not_found');
    });
  });

  describe('close', () => {
    it('closes an open round', () => {
      round.given(opened, rated).when(close()).then([closed]);
    });

    it('closes once, and not before the latest rating', () => {
      round.given(opened, rated, closed).when(close('2026-03-01')).thenThrows(AssessmentClosedAlready);
      round.given(opened, rated).when(close('2026-02-04')).thenThrows(AssessmentDateOutOfOrder);
    });
  });

  describe('prioritise', () => {
    it('marks a development goal of a closed round as a priority', () => {
      round.given(opened, rated, closed).when(prioritise()).then([prioritised]);
    });

    it('waits until the round is closed', () => {
      round.given(opened, rated).when(prioritise()).thenThrows(AssessmentNotClosed, 'assessment.not_closed');
    });

    it('marks each item once, only items of the round, not before the closing', () => {
      round.given(opened, rated, closed, prioritised).when(prioritise()).thenThrows(ItemAlreadyPrioritised, 'assessment.already_prioritised');
      round.given(opened, rated, closed).when(prioritise({ itemKey: 'participation' })).thenThrows(UnknownItems);
      round.given(opened, rated, closed).when(prioritise({ prioritisedOn: '2026-02-19' })).thenThrows(AssessmentDateOutOfOrder);
    });
  });
});

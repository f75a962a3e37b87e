import { FrameworkContent } from '../catalogues/quality-framework';
import { IsoDate } from '../domain-event';

/** The 4-step scale of how far a development goal is reached, lowest first. */
export const RATING_LEVELS = ['not_reached', 'partly_reached', 'largely_reached', 'fully_reached'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
/** A rater's answer: a level of the scale, or that they cannot judge the goal. */
export type Rating = RatingLevel | 'cannot_judge';
export const RATINGS: readonly Rating[] = [...RATING_LEVELS, 'cannot_judge'];

export const RATING_LABELS: Record<Rating, { de: string; en: string }> = {
  not_reached: { de: 'nicht erreicht', en: 'not reached' },
  partly_reached: { de: 'teilweise erreicht', en: 'partly reached' },
  largely_reached: { de: 'weitgehend erreicht', en: 'largely reached' },
  fully_reached: { de: 'vollständig erreicht', en: 'fully reached' },
  cannot_judge: { de: 'kann ich nicht beurteilen', en: 'cannot judge' },
};

/** Whether the ratings are shown with the raters' names once the round is closed. */
export const VISIBILITIES = ['named', 'anonymous'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export interface AssessmentOpening {
  networkId: string;
  cycleId: string;
  frameworkId: string;
  frameworkVersion: number;
  dimensionKeys: string[];
  /** User ids of the people who rate: each holds a role in the network. */
  raters: string[];
  visibility: Visibility;
  openedOn: IsoDate;
}

/** What the handler found: the cycle, the framework version's content, and who holds a role in the network. */
export interface OpeningFacts {
  cycle: { networkId: string; status: 'open' | 'closed' } | null;
  framework: FrameworkContent | null;
  peopleWithRole: string[];
}

export interface OpenAssessment {
  type: 'OpenAssessment';
  assessmentId: string;
  data: AssessmentOpening;
  facts: OpeningFacts;
}

export interface ItemRating {
  itemKey: string;
  rating: Rating;
  comment: string;
}

/** The acting user's ratings of some or all items; a later submission replaces their earlier rating of the same item. */
export interface SubmitRatings {
  type: 'SubmitRatings';
  assessmentId: string;
  data: { raterId: string; ratings: ItemRating[]; ratedOn: IsoDate };
}

export interface CloseAssessment {
  type: 'CloseAssessment';
  assessmentId: string;
  data: { closedOn: IsoDate };
}

/** The steering group marks a development goal of a closed round as a priority for the cycle. */
export interface PrioritiseItem {
  type: 'PrioritiseItem';
  assessmentId: string;
  data: { itemKey: string; prioritisedOn: IsoDate; note: string };
}

export type AssessmentCommand = OpenAssessment | SubmitRatings | CloseAssessment | PrioritiseItem;


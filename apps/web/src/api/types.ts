/** The shapes of the api's answers that the pages read, from the OpenAPI document (`npm run api:types`). */
import type { components, paths } from './schema';

type Schemas = components['schemas'];

/** The JSON body a GET of the path answers with 200. */
type Answer<Path extends keyof paths> = paths[Path] extends { get: { responses: { 200: { content: { 'application/json': infer Body } } } } } ? Body : never;

export type Me = Schemas['MeDto'];
export type MeNetwork = Schemas['MeNetworkDto'];
export type Action = Schemas['Action'];
export type NetworkRole = Schemas['NetworkRole'];
export type NetworkSummary = Schemas['NetworkSummaryDto'];
export type NetworkPage = Schemas['NetworkPageDto'];
export type WriteResponse = Schemas['WriteResponseDto'];

export type Network = Schemas['NetworkResponse'];
export type Cycle = Schemas['NetworkCycleResponse'];
export type CycleBoard = Schemas['CycleBoardResponse'];
export type BoardGoal = Schemas['BoardGoalResponse'];
export type DueReview = Schemas['DueReviewResponse'];

export type Goal = Schemas['GoalResponse'];
export type Indicator = Schemas['GoalIndicatorResponse'];
export type Measure = Schemas['GoalMeasureResponse'];
export type GoalContentFields = Schemas['GoalContentFieldsDto'];
export type HistoryPage = Schemas['GoalHistoryPageDto'];
export type HistoryEntry = HistoryPage['items'][number];
export type NetworkDecision = Schemas['RecordedDecisionResponse'];

export type AuditPage = Answer<'/api/v1/networks/{networkId}/audit'>;
export type AuditEntry = Schemas['AuditEntryDto'];

export type Organisation = Schemas['OrganisationOverviewItemResponse'];
export type BodySummary = Schemas['BodyOverviewItemResponse'];
export type Body = Schemas['BodyDetailResponse'];
export type Meeting = Schemas['MeetingDetailResponse'];
export type OfferLandscape = Schemas['OfferLandscapeResponse'];

export type FrameworkSummary = Schemas['FrameworkSummaryResponse'];
export type AssessmentSummary = Schemas['AssessmentSummaryResponse'];
export type Assessment = Schemas['AssessmentResponse'];
export type AssessmentItem = Schemas['ItemResponse'];
export type ItemResult = Schemas['ItemResultResponse'];
export type AgendaEntry = Schemas['AgendaEntryResponse'];

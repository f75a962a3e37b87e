/** The shapes of the api's answers that the pages read, from the OpenAPI document (`npm run api:types`). */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Me = Schemas['MeDto'];
export type MeNetwork = Schemas['MeNetworkDto'];
export type Action = Schemas['Action'];
export type NetworkRole = Schemas['NetworkRole'];
export type NetworkSummary = Schemas['NetworkSummaryDto'];
export type NetworkPage = Schemas['NetworkPageDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
export interface PageOf<Item> {
  items: Item[];
  nextCursor: string | null;
}
export type AuditPage = PageOf<AuditEntry>;
export type WriteResponse = Schemas['WriteResponseDto'];

export type {
  AgendaEntry,
  Assessment,
  AssessmentItem,
  AssessmentSummary,
  BoardGoal,
  Body,
  BodyMember,
  BodySummary,
  ContactPerson,
  Cycle,
  CycleBoard,
  CyclePhaseEntry,
  DecisionView,
  DecisionWithSummary,
  DerivedGoal,
  DueReview,
  FrameworkSummary,
  Goal,
  GoalContentFields,
  HistoryChange,
  HistoryEntry,
  HistoryPage,
  Indicator,
  ItemResult,
  Labelled,
  LandscapeOffer,
  LocalisedText,
  Measure,
  Measurement,
  Meeting,
  Network,
  NetworkDecision,
  OfferLandscape,
  Organisation,
} from './not-in-document';

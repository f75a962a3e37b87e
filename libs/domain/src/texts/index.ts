import { AnyEventType, isEventType } from '../event-registry';
import { BodyKind, DecisionSubject } from '../catalogues/decision-subjects';
import { CYCLE_PHASE_LABELS, CyclePhase } from '../catalogues/cycle-phases';
import { NetworkRole } from '../catalogues/network-roles';
import { Rating, RATING_LABELS, Visibility } from '../assessment/assessment.commands';
import { Assessment, GoalLevel, GoalStatus, ImpactLevel, IndicatorDirection, ReorientationDecision } from '../goal/goal.commands';

/** A text in both languages, German first. */
export interface Text {
  de: string;
  en: string;
}

export type TextLanguage = keyof Text;

/** One text per value of a domain union: a value without a text does not compile. */
export type TextsOf<Key extends string> = Record<Key, Text>;


/** The roles a person holds: the network roles and the operator's administration. */
export type Role = NetworkRole | 'admin';

export const ASSESSMENT_TEXTS: TextsOf<Assessment> = {
  achieved: { de: 'erreicht', en: 'achieved' },
  on_track: { de: 'auf Kurs', en: 'on track' },
  at_risk: { de: 'gefährdet', en: 'at risk' },
  off_track: { de: 'nicht auf Kurs', en: 'off track' },
  not_assessable: { de: 'nicht bewertbar', en: 'not assessable' },
};

/** What a goal without any review reads as, beside the assessments. */
export const NOT_REVIEWED_TEXT: Text = { de: 'noch nicht überprüft', en: 'not yet reviewed' };

export const REORIENTATION_DECISION_TEXTS: TextsOf<ReorientationDecision> = {
  continue: { de: 'fortführen', en: 'continue' },
  adjust: { de: 'anpassen', en: 'adjust' },
  replace: { de: 'ersetzen', en: 'replace' },
  retire: { de: 'beenden', en: 'retire' },
};

export const GOAL_LEVEL_TEXTS: TextsOf<GoalLevel> = {
  strategic: { de: 'Strategisches Ziel', en: 'Strategic goal' },
  operational: { de: 'Handlungsziel', en: 'Operational goal' },
};

export const GOAL_STATUS_TEXTS: TextsOf<GoalStatus> = {
  active: { de: 'aktiv', en: 'active' },
  retired: { de: 'beendet', en: 'retired' },
  replaced: { de: 'ersetzt', en: 'replaced' },
};

export const CYCLE_STATUS_TEXTS: TextsOf<'open' | 'closed'> = {
  open: { de: 'offen', en: 'open' },
  closed: { de: 'abgeschlossen', en: 'closed' },
};

export const ROLE_TEXTS: TextsOf<Role> = {
  coordinator: { de: 'Netzwerkkoordination', en: 'network coordination' },
  steering: { de: 'Steuerungsgruppe', en: 'steering group' },
  member: { de: 'Mitglied', en: 'member' },
  funder: { de: 'Fördermittelgeber', en: 'funder' },
  admin: { de: 'Administration', en: 'administrator' },
};

export const BODY_KIND_TEXTS: TextsOf<BodyKind> = {
  plenary: { de: 'Plenum', en: 'plenary' },
  steering_group: { de: 'Steuerungsgruppe', en: 'steering group' },
  working_group: { de: 'Arbeitskreis', en: 'working group' },
};

export const DECISION_SUBJECT_TEXTS: TextsOf<DecisionSubject> = {
  leitbild_adoption: { de: 'Beschluss des Leitbilds', en: 'adoption of the Leitbild' },
  goal_definition: { de: 'Zielfestlegung', en: 'goal definition' },
  goal_review: { de: 'Zielüberprüfung', en: 'goal review' },
  goal_reorientation: { de: 'Neuausrichtung', en: 'reorientation' },
  cycle_opening: { de: 'Eröffnung eines Zyklus', en: 'opening of a cycle' },
  cycle_phase: { de: 'Phase des Zyklus', en: 'phase of the cycle' },
  other: { de: 'Sonstiges', en: 'other' },
};

export const CYCLE_PHASE_TEXTS: TextsOf<CyclePhase> = CYCLE_PHASE_LABELS;

export const INDICATOR_DIRECTION_TEXTS: TextsOf<IndicatorDirection> = {
  increase: { de: 'steigen', en: 'increase' },
  decrease: { de: 'sinken', en: 'decrease' },
};

export const IMPACT_LEVEL_TEXTS: TextsOf<ImpactLevel> = {
  output: { de: 'Output', en: 'Output' },
  outcome: { de: 'Outcome', en: 'Outcome' },
  impact: { de: 'Impact', en: 'Impact' },
};

export const RATING_TEXTS: TextsOf<Rating> = RATING_LABELS;

export const VISIBILITY_TEXTS: TextsOf<Visibility> = {
  named: { de: 'namentlich', en: 'named' },
  anonymous: { de: 'anonym', en: 'anonymous' },
};

/** A round of self-assessment is open or closed in the same words as a cycle. */
export const ASSESSMENT_ROUND_STATUS_TEXTS: TextsOf<'open' | 'closed'> = CYCLE_STATUS_TEXTS;

/** The labels of the domain's concepts by catalogue: one label per concept for the web, the audit log, CSV and reports. */
export const CONCEPT_TEXTS = {
  assessment: ASSESSMENT_TEXTS,
  decision: REORIENTATION_DECISION_TEXTS,
  level: GOAL_LEVEL_TEXTS,
  goalStatus: GOAL_STATUS_TEXTS,
  cycleStatus: CYCLE_STATUS_TEXTS,
  role: ROLE_TEXTS,
  bodyKind: BODY_KIND_TEXTS,
  decisionSubject: DECISION_SUBJECT_TEXTS,
  phase: CYCLE_PHASE_TEXTS,
  direction: INDICATOR_DIRECTION_TEXTS,
  impactLevel: IMPACT_LEVEL_TEXTS,
  rating: RATING_TEXTS,
  visibility: VISIBILITY_TEXTS,
  roundStatus: ASSESSMENT_ROUND_STATUS_TEXTS,
} as const;

export type ConceptCatalogue = keyof typeof CONCEPT_TEXTS;
/** The values a catalogue has a text for. */
export type ConceptValue<Catalogue extends ConceptCatalogue> = keyof (typeof CONCEPT_TEXTS)[Catalogue] & string;

/**
 * What a lookup takes: a value the compiler knows must be one of the catalogue's (a misspelt literal does not
 * compile), a plain string from outside (an API response, a stored payload) is looked up at run time.
 */
export type Lookup<Known extends string, Value extends string> = Value & (string extends Value ? unknown : Known);

/** Whether a value from outside (an API response, a stored payload) is one the catalogue has a text for. */
export function isConceptValue<Catalogue extends ConceptCatalogue>(catalogue: Catalogue, value: string | null | undefined): value is ConceptValue<Catalogue> {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CONCEPT_TEXTS[catalogue], value);
}

/** The title of every event type, as a heading of a timeline or audit row: an event type without one does not compile. */
export const EVENT_TITLES: TextsOf<AnyEventType> = {
  NetworkRegistered: { de: 'Netzwerk registriert', en: 'Network registered' },
  CycleOpened: { de: 'Zyklus eröffnet', en: 'Cycle opened' },
  CyclePhaseEntered: { de: 'Phase begonnen', en: 'Phase entered' },
  CycleClosed: { de: 'Zyklus abgeschlossen', en: 'Cycle closed' },
  RoleGranted: { de: 'Rolle vergeben', en: 'Role granted' },
  RoleRevoked: { de: 'Rolle entzogen', en: 'Role revoked' },
  LeitbildDrafted: { de: 'Leitbild entworfen', en: 'Leitbild drafted' },
  LeitbildAdopted: { de: 'Leitbild beschlossen', en: 'Leitbild adopted' },
  GoalDefined: { de: 'Ziel festgelegt', en: 'Goal defined' },
  GoalConcretised: { de: 'Ziel konkretisiert', en: 'Goal concretised' },
  MeasurementRecorded: { de: 'Messwert erfasst', en: 'Measurement recorded' },
  GoalReviewed: { de: 'Ziel überprüft', en: 'Goal reviewed' },
  GoalReoriented: { de: 'Ziel neu ausgerichtet', en: 'Goal reoriented' },
  OrganisationJoined: { de: 'Organisation beigetreten', en: 'Organisation joined' },
  OrganisationDescribed: { de: 'Organisation beschrieben', en: 'Organisation described' },
  OrganisationLeft: { de: 'Organisation ausgetreten', en: 'Organisation left' },
  BodyEstablished: { de: 'Gremium eingerichtet', en: 'Body established' },
  BodyMembersChanged: { de: 'Mitglieder des Gremiums geändert', en: 'Body members changed' },
  BodyDissolved: { de: 'Gremium aufgelöst', en: 'Body dissolved' },
  MeetingScheduled: { de: 'Sitzung angesetzt', en: 'Meeting scheduled' },
  TopicProposed: { de: 'Thema vorgeschlagen', en: 'Topic proposed' },
  MeetingHeld: { de: 'Sitzung gehalten', en: 'Meeting held' },
  DecisionRecorded: { de: 'Beschluss gefasst', en: 'Decision recorded' },
  OfferListed: { de: 'Angebot aufgenommen', en: 'Offer listed' },
  OfferRevised: { de: 'Angebot überarbeitet', en: 'Offer revised' },
  OfferWithdrawn: { de: 'Angebot zurückgezogen', en: 'Offer withdrawn' },
  FrameworkVersionPublished: { de: 'Qualitätsrahmen veröffentlicht', en: 'Quality framework published' },
  AssessmentOpened: { de: 'Selbstbewertung eröffnet', en: 'Self-assessment opened' },
  RatingsSubmitted: { de: 'Bewertungen abgegeben', en: 'Ratings submitted' },
  AssessmentClosed: { de: 'Selbstbewertung abgeschlossen', en: 'Self-assessment closed' },
  AssessmentItemPrioritised: { de: 'Entwicklungsziel priorisiert', en: 'Development goal prioritised' },
  PersonalDataErased: { de: 'Personenbezogene Daten gelöscht', en: 'Personal data erased' },
};

/** The title of an event type in a language; a type the domain does not know stands for itself. */
export function eventTitle<Type extends string>(type: Lookup<AnyEventType, Type>, language: TextLanguage): string {
  return isEventType(type) ? EVENT_TITLES[type][language] : type;
}

/** A catalogue's texts as flat message keys `<prefix>.<value>` in one language, for the web's message table. */
export function messagesOf<Prefix extends string, Key extends string>(prefix: Prefix, texts: TextsOf<Key>, language: TextLanguage): Record<`${Prefix}.${Key}`, string> {
  return Object.fromEntries(Object.entries<Text>(texts).map(([key, text]) => [`${prefix}.${key}`, text[language]])) as Record<`${Prefix}.${Key}`, string>;
}

/** The label of a value of a catalogue; a value the catalogue does not know (an old or foreign payload) stands for itself. */
export function conceptText<Catalogue extends ConceptCatalogue, Value extends string>(catalogue: Catalogue, key: Lookup<ConceptValue<Catalogue>, Value>, language: TextLanguage): string {
  return isConceptValue(catalogue, key) ? (CONCEPT_TEXTS[catalogue] as Record<string, Text>)[key][language] : key;
}

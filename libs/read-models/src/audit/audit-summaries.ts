import {
  AnyEventType,
  AssessmentItemPrioritised,
  AssessmentOpened,
  FrameworkVersionPublished,
  RatingsSubmitted,
  BodyDissolved,
  BodyEstablished,
  BodyMembersChanged,
  CYCLE_PHASE_LABELS,
  CycleClosed,
  CycleOpened,
  CyclePhaseEntered,
  DecisionRecorded,
  GoalConcretised,
  GoalDefined,
  GoalReoriented,
  GoalReviewed,
  LeitbildAdopted,
  LeitbildDrafted,
  MeasurementRecorded,
  MeetingHeld,
  MeetingScheduled,
  NetworkRegistered,
  OfferListed,
  OfferRevised,
  OrganisationDescribed,
  OrganisationJoined,
  RoleGranted,
  RoleRevoked,
  TopicProposed,
} from '@kreislauf/domain';
import { idOfStream } from '../stream-ids';

/** A one-line summary of an event, German first. */
export interface Summary {
  de: string;
  en: string;
}

/** An event as the summaries see it: its data only, never its metadata. */
export interface SummarisedEvent {
  type: string;
  streamId: string;
  data: Record<string, unknown>;
}

/** A thing an event names or renames, by the id other events refer to it with. */
export interface SubjectTitle {
  id: string;
  kind: string;
  title: string;
}

/** The titles known before the event. */
export type Titles = ReadonlyMap<string, string>;

/**
 * How the audit log tells of one event type: its summary, the ids whose titles the summary needs besides
 * the stream's own and the data's `…Id` fields, and the titles the event sets for later summaries.
 */
export interface AuditText {
  summary(event: SummarisedEvent, titles: Titles): Summary;
  refersTo?(event: SummarisedEvent): string[];
  names?(event: SummarisedEvent): SubjectTitle[];
}

type Lang = keyof Summary;
type DataOf<E> = E extends { data: infer D } ? D : never;

const quoted = (text: string, lang: Lang) => (lang === 'de' ? `„${text}“` : `“${text}”`);
/** A thing by its title when known, else by its id. */
const called = (titles: Titles, id: string | null | undefined, lang: Lang) => {
  if (!id) return '?';
  const title = titles.get(id);
  return title === undefined ? id : quoted(title, lang);
};
const day = (date: string, lang: Lang) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return lang === 'de' && match ? `${match[3]}.${match[2]}.${match[1]}` : date;
};
const count = (n: number, lang: Lang, [deOne, deMany]: [string, string], [enOne, enMany]: [string, string]) =>
  `${n} ${lang === 'de' ? (n === 1 ? deOne : deMany) : n === 1 ? enOne : enMany}`;
const number = (value: number, lang: Lang) => value.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 6 });
const shortened = (text: string, max = 160) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

const LABELS = {
  role: {
    coordinator: { de: 'Koordination', en: 'coordinator' },
    steering: { de: 'Steuerungsgruppe', en: 'steering group' },
    member: { de: 'Mitglied', en: 'member' },
    funder: { de: 'Fördermittelgeber', en: 'funder' },
    admin: { de: 'Administration', en: 'administrator' },
  },
  level: {
    strategic: { de: 'Strategisches Ziel', en: 'Strategic goal' },
    operational: { de: 'Handlungsziel', en: 'Operational goal' },
  },
  assessment: {
    achieved: { de: 'erreicht', en: 'achieved' },
    on_track: { de: 'auf Kurs', en: 'on track' },
    at_risk: { de: 'gefährdet', en: 'at risk' },
    off_track: { de: 'nicht auf Kurs', en: 'off track' },
    not_assessable: { de: 'nicht bewertbar', en: 'not assessable' },
  },
  reorientation: {
    continue: { de: 'fortführen', en: 'continue' },
    adjust: { de: 'anpassen', en: 'adjust' },
    replace: { de: 'ersetzen', en: 'replace' },
    retire: { de: 'beenden', en: 'retire' },
  },
  bodyKind: {
    plenary: { de: 'Plenum', en: 'plenary' },
    steering_group: { de: 'Steuerungsgruppe', en: 'steering group' },
    working_group: { de: 'Arbeitskreis', en: 'working group' },
  },
  decisionSubject: {
    leitbild_adoption: { de: 'Beschluss des Leitbilds', en: 'adoption of the Leitbild' },
    goal_definition: { de: 'Zielfestlegung', en: 'goal definition' },
    goal_review: { de: 'Zielüberprüfung', en: 'goal review' },
    goal_reorientation: { de: 'Neuausrichtung', en: 'reorientation' },
    cycle_opening: { de: 'Eröffnung eines Zyklus', en: 'opening of a cycle' },
    cycle_phase: { de: 'Phase des Zyklus', en: 'phase of the cycle' },
    other: { de: 'Sonstiges', en: 'other' },
  },
  phase: CYCLE_PHASE_LABELS,
} satisfies Record<string, Record<string, Summary>>;

/** The label of a catalogue key in a language; an unknown key stands for itself. */
export function label(catalogue: keyof typeof LABELS, key: string, lang: Lang): string {
  return (LABELS[catalogue] as Record<string, Summary>)[key]?.[lang] ?? key;
}

const contactGiven = (contactPerson: unknown, lang: Lang) => (contactPerson ? (lang === 'de' ? '; Kontaktperson angegeben' : '; contact person given') : '');

/** One text per language from the same parts. */
function both(text: (lang: Lang) => string): Summary {
  return { de: text('de'), en: text('en') };
}

/** An entry whose event data has the domain's type. */
function entry<E>(text: {
  summary: (data: DataOf<E>, titles: Titles, event: SummarisedEvent) => Summary;
  refersTo?: (data: DataOf<E>, event: SummarisedEvent) => string[];
  names?: (data: DataOf<E>, event: SummarisedEvent) => SubjectTitle[];
}): AuditText {
  return {
    summary: (event, titles) => text.summary(event.data as DataOf<E>, titles, event),
    ...(text.refersTo ? { refersTo: (event: SummarisedEvent) => text.refersTo!(event.data as DataOf<E>, event) } : {}),
    ...(text.names ? { names: (event: SummarisedEvent) => text.names!(event.data as DataOf<E>, event) } : {}),
  };
}

const own = (event: SummarisedEvent) => idOfStream(event.streamId);

/** " (vorher „…“)" when the title the log knew for the event's own stream is not `title`. */
const formerly = (titles: Titles, event: SummarisedEvent, title: string, lang: Lang) => {
  const before = titles.get(own(event));
  return before !== undefined && before !== title ? ` (${lang === 'de' ? 'vorher' : 'formerly'} ${quoted(before, lang)})` : '';
};

/**
 * The summary of every event type the domain has: a new event type without an entry does not compile. A
 * stored type this version does not know reads "Ereignis <type> in <stream>".
 */
export const AUDIT_TEXTS: Record<AnyEventType, AuditText> = {
  NetworkRegistered: entry<NetworkRegistered>({
    summary: (data) => both((l) => (l === 'de' ? `Netzwerk ${quoted(data.name, l)} registriert` : `Network ${quoted(data.name, l)} registered`)),
    names: (data, event) => [{ id: own(event), kind: 'network', title: data.name }],
  }),
  CycleOpened: entry<CycleOpened>({
    summary: (data) =>
      both((l) => {
        const carried = data.carriedOverGoalIds.length;
        const period = l === 'de' ? `${day(data.periodFrom, l)} bis ${day(data.periodTo, l)}` : `${data.periodFrom} to ${data.periodTo}`;
        const carriedText = carried === 0 ? '' : `, ${count(carried, l, ['Ziel', 'Ziele'], ['goal', 'goals'])} ${l === 'de' ? 'übernommen' : 'carried over'}`;
        return `${l === 'de' ? 'Zyklus' : 'Cycle'} ${quoted(data.title, l)} ${l === 'de' ? 'eröffnet' : 'opened'} (${period})${carriedText}`;
      }),
    names: (data) => [{ id: data.cycleId, kind: 'cycle', title: data.title }],
  }),
  CyclePhaseEntered: entry<CyclePhaseEntered>({
    summary: (data, titles) =>
      both((l) =>
        l === 'de'
          ? `Zyklus ${called(titles, data.cycleId, l)}: Phase ${quoted(label('phase', data.phase, l), l)} begonnen`
          : `Cycle ${called(titles, data.cycleId, l)}: phase ${quoted(label('phase', data.phase, l), l)} entered`,
      ),
  }),
  CycleClosed: entry<CycleClosed>({
    summary: (data, titles) =>
      both((l) => {
        const active = data.carriedOverGoalIds.length;
        const rest = active === 0 ? '' : `: ${count(active, l, ['Ziel', 'Ziele'], ['goal', 'goals'])} ${l === 'de' ? 'noch aktiv' : 'still active'}`;
        return `${l === 'de' ? 'Zyklus' : 'Cycle'} ${called(titles, data.cycleId, l)} ${l === 'de' ? 'abgeschlossen' : 'closed'}${rest}`;
      }),
  }),
  RoleGranted: entry<RoleGranted>({
    summary: (data) =>
      both((l) => (l === 'de' ? `Rolle ${quoted(label('role', data.role, l), l)} an ${data.userId} vergeben` : `Role ${quoted(label('role', data.role, l), l)} granted to ${data.userId}`)),
  }),
  RoleRevoked: entry<RoleRevoked>({
    summary: (data) =>
      both((l) => (l === 'de' ? `Rolle ${quoted(label('role', data.role, l), l)} von ${data.userId} entzogen` : `Role ${quoted(label('role', data.role, l), l)} revoked from ${data.userId}`)),
  }),
  LeitbildDrafted: entry<LeitbildDrafted>({
    summary: (data) =>
      both((l) => {
        const principles = count(data.principles.length, l, ['Leitsatz', 'Leitsätze'], ['principle', 'principles']);
        return l === 'de' ? `Leitbild Version ${data.version} entworfen: ${principles}` : `Leitbild version ${data.version} drafted: ${principles}`;
      }),
  }),
  LeitbildAdopted: entry<LeitbildAdopted>({
    summary: (data) =>
      both((l) => {
        const superseding = data.supersedesVersion === null ? '' : l === 'de' ? `, ersetzt Version ${data.supersedesVersion}` : `, superseding version ${data.supersedesVersion}`;
        return `${l === 'de' ? `Leitbild Version ${data.version} beschlossen` : `Leitbild version ${data.version} adopted`}${superseding}`;
      }),
  }),

  GoalDefined: entry<GoalDefined>({
    summary: (data, titles) =>
      both((l) => {
        const parent = data.parentGoalId ? ` ${l === 'de' ? 'unter' : 'under'} ${called(titles, data.parentGoalId, l)}` : '';
        const replaces = data.replacesGoalId ? ` ${l === 'de' ? 'als Ersatz für' : 'replacing'} ${called(titles, data.replacesGoalId, l)}` : '';
        return `${label('level', data.level, l)} ${quoted(data.title, l)} ${l === 'de' ? 'festgelegt' : 'defined'}${parent}${replaces}`;
      }),
    names: (data, event) => [{ id: own(event), kind: 'goal', title: data.title }],
  }),
  GoalConcretised: entry<GoalConcretised>({
    summary: (data, titles, event) =>
      both((l) => {
        const parts = `${count(data.indicators.length, l, ['Indikator', 'Indikatoren'], ['indicator', 'indicators'])}, ${count(data.measures.length, l, ['Maßnahme', 'Maßnahmen'], ['measure', 'measures'])}`;
        return `${l === 'de' ? 'Ziel' : 'Goal'} ${called(titles, own(event), l)} ${l === 'de' ? 'konkretisiert' : 'concretised'}: ${parts}`;
      }),
    names: (data, event) => data.indicators.map((indicator) => ({ id: `${own(event)}/${indicator.key}`, kind: 'indicator', title: indicator.name })),
  }),
  MeasurementRecorded: entry<MeasurementRecorded>({
    summary: (data, titles, event) =>
      both((l) => {
        const indicator = titles.get(`${own(event)}/${data.indicatorKey}`) ?? data.indicatorKey;
        return `${l === 'de' ? 'Messwert für Ziel' : 'Measurement for goal'} ${called(titles, own(event), l)} ${l === 'de' ? 'erfasst' : 'recorded'}: ${indicator} = ${number(data.value, l)}`;
      }),
    refersTo: (data, event) => [`${own(event)}/${data.indicatorKey}`],
  }),
  GoalReviewed: entry<GoalReviewed>({
    summary: (data, titles, event) =>
      both((l) => `${l === 'de' ? 'Ziel' : 'Goal'} ${called(titles, own(event), l)} ${l === 'de' ? 'überprüft' : 'reviewed'}: ${label('assessment', data.assessment, l)}`),
  }),
  GoalReoriented: entry<GoalReoriented>({
    summary: (data, titles, event) =>
      both((l) => {
        const newTitle = data.changes?.title ? ` (${l === 'de' ? 'neuer Titel' : 'new title'} ${quoted(data.changes.title, l)})` : '';
        return `${l === 'de' ? 'Ziel' : 'Goal'} ${called(titles, own(event), l)} ${l === 'de' ? 'neu ausgerichtet' : 'reoriented'}: ${label('reorientation', data.decision, l)}${newTitle}`;
      }),
    names: (data, event) => (data.changes?.title ? [{ id: own(event), kind: 'goal', title: data.changes.title }] : []),
  }),

  OrganisationJoined: entry<OrganisationJoined>({
    summary: (data) => both((l) => `Organisation ${quoted(data.name, l)} ${l === 'de' ? 'beigetreten' : 'joined'}${contactGiven(data.contactPerson, l)}`),
    names: (data, event) => [{ id: own(event), kind: 'organisation', title: data.name }],
  }),
  OrganisationDescribed: entry<OrganisationDescribed>({
    summary: (data, titles, event) =>
      both((l) => {
        const what = l === 'de' ? `Beschreibung der Organisation ${quoted(data.name, l)} geändert` : `Description of organisation ${quoted(data.name, l)} changed`;
        return `${what}${formerly(titles, event, data.name, l)}${contactGiven(data.contactPerson, l)}`;
      }),
    names: (data, event) => [{ id: own(event), kind: 'organisation', title: data.name }],
  }),
  OrganisationLeft: entry<unknown>({
    summary: (_, titles, event) => both((l) => `Organisation ${called(titles, own(event), l)} ${l === 'de' ? 'ausgetreten' : 'left'}`),
  }),

  BodyEstablished: entry<BodyEstablished>({
    summary: (data) =>
      both((l) => {
        const members = count(data.members.length, l, ['Mitglied', 'Mitglieder'], ['member', 'members']);
        return l === 'de'
          ? `Gremium ${quoted(data.name, l)} (${label('bodyKind', data.kind, l)}) eingerichtet: ${members}`
          : `Body ${quoted(data.name, l)} (${label('bodyKind', data.kind, l)}) established: ${members}`;
      }),
    names: (data, event) => [{ id: own(event), kind: 'body', title: data.name }],
  }),
  BodyMembersChanged: entry<BodyMembersChanged>({
    summary: (data, titles, event) =>
      both((l) =>
        l === 'de'
          ? `Mitglieder des Gremiums ${called(titles, own(event), l)} geändert: jetzt ${data.members.length}`
          : `Members of body ${called(titles, own(event), l)} changed: now ${data.members.length}`,
      ),
  }),
  BodyDissolved: entry<BodyDissolved>({
    summary: (_, titles, event) => both((l) => `${l === 'de' ? 'Gremium' : 'Body'} ${called(titles, own(event), l)} ${l === 'de' ? 'aufgelöst' : 'dissolved'}`),
  }),

  MeetingScheduled: entry<MeetingScheduled>({
    summary: (data, titles) =>
      both((l) => {
        const what =
          l === 'de'
            ? `Sitzung ${quoted(data.title, l)} des Gremiums ${called(titles, data.bodyId, l)} für ${day(data.scheduledFor, l)} angesetzt`
            : `Meeting ${quoted(data.title, l)} of body ${called(titles, data.bodyId, l)} scheduled for ${day(data.scheduledFor, l)}`;
        return `${what}${contactGiven(data.contactPerson, l)}`;
      }),
    names: (data, event) => [{ id: own(event), kind: 'meeting', title: data.title }],
  }),
  TopicProposed: entry<TopicProposed>({
    summary: (data, titles, event) =>
      both((l) => {
        const by = data.proposedByOrganisationId ? ` ${l === 'de' ? 'von' : 'by'} ${called(titles, data.proposedByOrganisationId, l)}` : '';
        return l === 'de'
          ? `Thema ${quoted(data.title, l)} für die Sitzung ${called(titles, own(event), l)} vorgeschlagen${by}`
          : `Topic ${quoted(data.title, l)} proposed for meeting ${called(titles, own(event), l)}${by}`;
      }),
    names: (data) => [{ id: data.topicId, kind: 'topic', title: data.title }],
  }),
  MeetingHeld: entry<MeetingHeld>({
    summary: (data, titles, event) =>
      both((l) => {
        const present = count(data.attendance.length, l, ['Organisation', 'Organisationen'], ['organisation', 'organisations']);
        return l === 'de' ? `Sitzung ${called(titles, own(event), l)} abgehalten: ${present} anwesend` : `Meeting ${called(titles, own(event), l)} held: ${present} present`;
      }),
  }),
  DecisionRecorded: entry<DecisionRecorded>({
    summary: (data, titles, event) =>
      both((l) => {
        const where = l === 'de' ? `Beschluss in der Sitzung ${called(titles, own(event), l)}` : `Decision in meeting ${called(titles, own(event), l)}`;
        return `${where} (${label('decisionSubject', data.subject, l)}): ${quoted(shortened(data.text), l)}`;
      }),
  }),

  OfferListed: entry<OfferListed>({
    summary: (data) => both((l) => `${l === 'de' ? 'Angebot' : 'Offer'} ${quoted(data.title, l)} ${l === 'de' ? 'aufgenommen' : 'listed'}`),
    names: (data, event) => [{ id: own(event), kind: 'offer', title: data.title }],
  }),
  OfferRevised: entry<OfferRevised>({
    summary: (data, titles, event) =>
      both((l) => `${l === 'de' ? 'Angebot' : 'Offer'} ${quoted(data.title, l)} ${l === 'de' ? 'überarbeitet' : 'revised'}${formerly(titles, event, data.title, l)}`),
    names: (data, event) => [{ id: own(event), kind: 'offer', title: data.title }],
  }),
  OfferWithdrawn: entry<unknown>({
    summary: (_, titles, event) => both((l) => `${l === 'de' ? 'Angebot' : 'Offer'} ${called(titles, own(event), l)} ${l === 'de' ? 'zurückgezogen' : 'withdrawn'}`),
  }),

  AssessmentOpened: entry<AssessmentOpened>({
    summary: (data) =>
      both((l) => {
        const raters = count(data.raters.length, l, ['Bewertende Person', 'Bewertende'], ['rater', 'raters']);
        const visibility = data.visibility === 'anonymous' ? (l === 'de' ? 'anonym' : 'anonymous') : l === 'de' ? 'mit Namen' : 'with names';
        const items = count(data.items.length, l, ['Entwicklungsziel', 'Entwicklungsziele'], ['development goal', 'development goals']);
        return l === 'de' ? `Selbstbewertung eröffnet: ${items}, ${raters}, ${visibility}` : `Self-assessment opened: ${items}, ${raters}, ${visibility}`;
      }),
  }),
  // The ratings themselves stay out of the log: they are hidden from others until the round is closed.
  RatingsSubmitted: entry<RatingsSubmitted>({
    summary: (data) =>
      both((l) => {
        const items = count(data.ratings.length, l, ['Entwicklungsziel', 'Entwicklungsziele'], ['development goal', 'development goals']);
        return l === 'de' ? `Bewertungen abgegeben: ${items}` : `Ratings submitted: ${items}`;
      }),
  }),
  AssessmentClosed: entry<unknown>({
    summary: () => ({ de: 'Selbstbewertung abgeschlossen', en: 'Self-assessment closed' }),
  }),
  AssessmentItemPrioritised: entry<AssessmentItemPrioritised>({
    summary: (data) => both((l) => (l === 'de' ? `Entwicklungsziel ${quoted(data.itemKey, l)} als Priorität markiert` : `Development goal ${quoted(data.itemKey, l)} marked as a priority`)),
  }),
  FrameworkVersionPublished: entry<FrameworkVersionPublished>({
    summary: (data) =>
      both((l) => (l === 'de' ? `Qualitätsrahmen ${quoted(data.title.de, l)} in Version ${data.version} veröffentlicht` : `Quality framework ${quoted(data.title.en, l)} published as version ${data.version}`)),
  }),

  PersonalDataErased: entry<unknown>({
    summary: () => ({ de: 'Personenbezogene Daten einer Person gelöscht', en: 'Personal data of a person erased' }),
  }),
};

/** What an event type without an entry reads as. */
export function genericSummary(event: Pick<SummarisedEvent, 'type' | 'streamId'>): Summary {
  return { de: `Ereignis ${event.type} in ${event.streamId}`, en: `Event ${event.type} in ${event.streamId}` };
}

/** The entry of a stored event type; none for a type this version does not know. */
function auditTextOf(type: string): AuditText | undefined {
  return (AUDIT_TEXTS as Record<string, AuditText | undefined>)[type];
}

/**
 * The summary of an event on one line. A payload the entry cannot read (a shape it does not know) gets the
 * generic summary rather than stopping the projection.
 */
export function summarise(event: SummarisedEvent, titles: Titles): Summary {
  const text = auditTextOf(event.type);
  if (!text) return genericSummary(event);
  try {
    const summary = text.summary(event, titles);
    return { de: oneLine(summary.de), en: oneLine(summary.en) };
  } catch {
    return genericSummary(event);
  }
}

/** The ids whose titles the event's summary may use. */
export function referencedIds(event: SummarisedEvent): string[] {
  const ids = [idOfStream(event.streamId)];
  for (const [field, value] of Object.entries(event.data ?? {})) {
    if (field.endsWith('Id') && typeof value === 'string') ids.push(value);
  }
  try {
    ids.push(...(auditTextOf(event.type)?.refersTo?.(event) ?? []));
  } catch {
    // a payload the entry cannot read refers to nothing more
  }
  return ids;
}

/** The titles the event sets. */
export function namedSubjects(event: SummarisedEvent): SubjectTitle[] {
  try {
    return (auditTextOf(event.type)?.names?.(event) ?? []).filter((subject) => typeof subject.id === 'string' && typeof subject.title === 'string');
  } catch {
    return [];
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

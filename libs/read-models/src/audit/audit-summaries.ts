import { AnyEvent, AnyEventType, conceptText, isEventType, Text } from '@kreislauf/domain';
import { idOfStream } from '../stream-ids';

/** A one-line summary of an event, German first. */
export type Summary = Text;

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

type Lang = keyof Summary;
type DataOf<Type extends AnyEventType> = Extract<AnyEvent, { type: Type }>['data'];

/**
 * How the audit log tells of one event type: its summary, the ids whose titles the summary needs besides
 * the stream's own and the data's `…Id` fields, and the titles the event sets for later summaries.
 */
export interface AuditText<Data> {
  summary(data: Data, titles: Titles, event: SummarisedEvent): Summary;
  refersTo?(data: Data, event: SummarisedEvent): string[];
  names?(data: Data, event: SummarisedEvent): SubjectTitle[];
}

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
// One formatter per language: toLocaleString with options builds a new one on every call.
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = {
  de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }),
};
const number = (value: number, lang: Lang) => NUMBER_FORMATS[lang].format(value);
const shortened = (text: string, max = 160) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

const contactGiven = (contactPerson: unknown, lang: Lang) => (contactPerson ? (lang === 'de' ? '; Kontaktperson angegeben' : '; contact person given') : '');

/** One text per language from the same parts. */
function both(text: (lang: Lang) => string): Summary {
  return { de: text('de'), en: text('en') };
}

const own = (event: SummarisedEvent) => idOfStream(event.streamId);

/** " (vorher „…“)" when the title the log knew for the event's own stream is not `title`. */
const formerly = (titles: Titles, event: SummarisedEvent, title: string, lang: Lang) => {
  const before = titles.get(own(event));
  return before !== undefined && before !== title ? ` (${lang === 'de' ? 'vorher' : 'formerly'} ${quoted(before, lang)})` : '';
};

/** The summary of every event type the domain has: an event type without one does not compile. */
export const AUDIT_TEXTS: { [Type in AnyEventType]: AuditText<DataOf<Type>> } = {
  NetworkRegistered: {
    summary: (data) => both((l) => (l === 'de' ? `Netzwerk ${quoted(data.name, l)} registriert` : `Network ${quoted(data.name, l)} registered`)),
    names: (data, event) => [{ id: own(event), kind: 'network', title: data.name }],
  },
  CycleOpened: {
    summary: (data) =>
      both((l) => {
        const carried = data.carriedOverGoalIds.length;
        const period = l === 'de' ? `${day(data.periodFrom, l)} bis ${day(data.periodTo, l)}` : `${data.periodFrom} to ${data.periodTo}`;
        const carriedText = carried === 0 ? '' : `, ${count(carried, l, ['Ziel', 'Ziele'], ['goal', 'goals'])} ${l === 'de' ? 'übernommen' : 'carried over'}`;
        return `${l === 'de' ? 'Zyklus' : 'Cycle'} ${quoted(data.title, l)} ${l === 'de' ? 'eröffnet' : 'opened'} (${period})${carriedText}`;
      }),
    names: (data) => [{ id: data.cycleId, kind: 'cycle', title: data.title }],
  },
  CyclePhaseEntered: {
    summary: (data, titles) =>
      both((l) =>
        l === 'de'
          ? `Zyklus ${called(titles, data.cycleId, l)}: Phase ${quoted(conceptText('phase', data.phase, l), l)} begonnen`
          : `Cycle ${called(titles, data.cycleId, l)}: phase ${quoted(conceptText('phase', data.phase, l), l)} entered`,
      ),
  },
  CycleClosed: {
    summary: (data, titles) =>
      both((l) => {
        const active = data.carriedOverGoalIds.length;
        const rest = active === 0 ? '' : `: ${count(active, l, ['Ziel', 'Ziele'], ['goal', 'goals'])} ${l === 'de' ? 'noch aktiv' : 'still active'}`;
        return `${l === 'de' ? 'Zyklus' : 'Cycle'} ${called(titles, data.cycleId, l)} ${l === 'de' ? 'abgeschlossen' : 'closed'}${rest}`;
      }),
  },
  RoleGranted: {
    summary: (data) =>
      both((l) => (l === 'de' ? `Rolle ${quoted(conceptText('role', data.role, l), l)} an ${data.userId} vergeben` : `Role ${quoted(conceptText('role', data.role, l), l)} granted to ${data.userId}`)),
  },
  RoleRevoked: {
    summary: (data) =>
      both((l) => (l === 'de' ? `Rolle ${quoted(conceptText('role', data.role, l), l)} von ${data.userId} entzogen` : `Role ${quoted(conceptText('role', data.role, l), l)} revoked from ${data.userId}`)),
  },
  LeitbildDrafted: {
    summary: (data) =>
      both((l) => {
        const principles = count(data.principles.length, l, ['Leitsatz', 'Leitsätze'], ['principle', 'principles']);
        return l === 'de' ? `Leitbild Version ${data.version} entworfen: ${principles}` : `Leitbild version ${data.version} drafted: ${principles}`;
      }),
  },
  LeitbildAdopted: {
    summary: (data) =>
      both((l) => {
        const superseding = data.supersedesVersion === null ? '' : l === 'de' ? `, ersetzt Version ${data.supersedesVersion}` : `, superseding version ${data.supersedesVersion}`;
        return `${l === 'de' ? `Leitbild Version ${data.version} beschlossen` : `Leitbild version ${data.version} adopted`}${superseding}`;
      }),
  },

  GoalDefined: {
    summary: (data, titles) =>
      both((l) => {
        const parent = data.parentGoalId ? ` ${l === 'de' ? 'unter' : 'under'} ${called(titles, data.parentGoalId, l)}` : '';
        const replaces = data.replacesGoalId ? ` ${l === 'de' ? 'als Ersatz für' : 'replacing'} ${called(titles, data.replacesGoalId, l)}` : '';
        return `${conceptText('level', data.level, l)} ${quoted(data.title, l)} ${l === 'de' ? 'festgelegt' : 'defined'}${parent}${replaces}`;
      }),
    names: (data, event) => [{ id: own(event), kind: 'goal', title: data.title }],
  },
  GoalConcretised: {
    summary: (data, titles, event) =>
      both((l) => {
        const parts = `${count(data.indicators.length, l, ['Indikator', 'Indikatoren'], ['indicator', 'indicators'])}, ${count(data.measures.length, l, ['Maßnahme', 'Maßnahmen'], ['measure', 'measures'])}`;
        return `${l === 'de' ? 'Ziel' : 'Goal'} ${called(titles, own(event), l)} ${l === 'de' ? 'konkretisiert' : 'concretised'}: ${parts}`;
      }),
    names: (data, event) => data.indicators.map((indicator) => ({ id: `${own(event)}/${indicator.key}`, kind: 'indicator', title: indicator.name })),
  },
  MeasurementRecorded: {
    summary: (data, titles, event) =>
      both((l) => {
        const indicator = titles.get(`${own(event)}/${data.indicatorKey}`) ?? data.indicatorKey;
        return `${l === 'de' ? 'Messwert für Ziel' : 'Measurement for goal'} ${called(titles, own(event), l)} ${l === 'de' ? 'erfasst' : 'recorded'}: ${indicator} = ${number(data.value, l)}`;
      }),
    refersTo: (data, event) => [`${own(event)}/${data.indicatorKey}`],
  },
  GoalReviewed: {
    summary: (data, titles, event) =>
      both((l) => `${l === 'de' ? 'Ziel' : 'Goal'} ${called(titles, own(event), l)} ${l === 'de' ? 'überprüft' : 'reviewed'}: ${conceptText('assessment', data.assessment, l)}`),
  },
  GoalReoriented: {
    summary: (data, titles, event) =>
      both((l) => {
        const newTitle = data.changes?.title ? ` (${l === 'de' ? 'neuer Titel' : 'new title'} ${quoted(data.changes.title, l)})` : '';
        return `${l === 'de' ? 'Ziel' : 'Goal'} ${called(titles, own(event), l)} ${l === 'de' ? 'neu ausgerichtet' : 'reoriented'}: ${conceptText('decision', data.decision, l)}${newTitle}`;
      }),
    names: (data, event) => (data.changes?.title ? [{ id: own(event), kind: 'goal', title: data.changes.title }] : []),
  },

  OrganisationJoined: {
    summary: (data) => both((l) => `Organisation ${quoted(data.name, l)} ${l === 'de' ? 'beigetreten' : 'joined'}${contactGiven(data.contactPerson, l)}`),
    names: (data, event) => [{ id: own(event), kind: 'organisation', title: data.name }],
  },
  OrganisationDescribed: {
    summary: (data, titles, event) =>
      both((l) => {
        const what = l === 'de' ? `Beschreibung der Organisation ${quoted(data.name, l)} geändert` : `Description of organisation ${quoted(data.name, l)} changed`;
        return `${what}${formerly(titles, event, data.name, l)}${contactGiven(data.contactPerson, l)}`;
      }),
    names: (data, event) => [{ id: own(event), kind: 'organisation', title: data.name }],
  },
  OrganisationLeft: {
    summary: (_, titles, event) => both((l) => `Organisation ${called(titles, own(event), l)} ${l === 'de' ? 'ausgetreten' : 'left'}`),
  },

  BodyEstablished: {
    summary: (data) =>
      both((l) => {
        const members = count(data.members.length, l, ['Mitglied', 'Mitglieder'], ['member', 'members']);
        return l === 'de'
          ? `Gremium ${quoted(data.name, l)} (${conceptText('bodyKind', data.kind, l)}) eingerichtet: ${members}`
          : `Body ${quoted(data.name, l)} (${conceptText('bodyKind', data.kind, l)}) established: ${members}`;
      }),
    names: (data, event) => [{ id: own(event), kind: 'body', title: data.name }],
  },
  BodyMembersChanged: {
    summary: (data, titles, event) =>
      both((l) =>
        l === 'de'
          ? `Mitglieder des Gremiums ${called(titles, own(event), l)} geändert: jetzt ${data.members.length}`
          : `Members of body ${called(titles, own(event), l)} changed: now ${data.members.length}`,
      ),
  },
  BodyDissolved: {
    summary: (_, titles, event) => both((l) => `${l === 'de' ? 'Gremium' : 'Body'} ${called(titles, own(event), l)} ${l === 'de' ? 'aufgelöst' : 'dissolved'}`),
  },

  MeetingScheduled: {
    summary: (data, titles) =>
      both((l) => {
        const what =
          l === 'de'
            ? `Sitzung ${quoted(data.title, l)} des Gremiums ${called(titles, data.bodyId, l)} für ${day(data.scheduledFor, l)} angesetzt`
            : `Meeting ${quoted(data.title, l)} of body ${called(titles, data.bodyId, l)} scheduled for ${day(data.scheduledFor, l)}`;
        return `${what}${contactGiven(data.contactPerson, l)}`;
      }),
    names: (data, event) => [{ id: own(event), kind: 'meeting', title: data.title }],
  },
  TopicProposed: {
    summary: (data, titles, event) =>
      both((l) => {
        const by = data.proposedByOrganisationId ? ` ${l === 'de' ? 'von' : 'by'} ${called(titles, data.proposedByOrganisationId, l)}` : '';
        return l === 'de'
          ? `Thema ${quoted(data.title, l)} für die Sitzung ${called(titles, own(event), l)} vorgeschlagen${by}`
          : `Topic ${quoted(data.title, l)} proposed for meeting ${called(titles, own(event), l)}${by}`;
      }),
    names: (data) => [{ id: data.topicId, kind: 'topic', title: data.title }],
  },
  MeetingHeld: {
    summary: (data, titles, event) =>
      both((l) => {
        const present = count(data.attendance.length, l, ['Organisation', 'Organisationen'], ['organisation', 'organisations']);
        return l === 'de' ? `Sitzung ${called(titles, own(event), l)} abgehalten: ${present} anwesend` : `Meeting ${called(titles, own(event), l)} held: ${present} present`;
      }),
  },
  DecisionRecorded: {
    summary: (data, titles, event) =>
      both((l) => {
        const where = l === 'de' ? `Beschluss in der Sitzung ${called(titles, own(event), l)}` : `Decision in meeting ${called(titles, own(event), l)}`;
        return `${where} (${conceptText('decisionSubject', data.subject, l)}): ${quoted(shortened(data.text), l)}`;
      }),
  },

  OfferListed: {
    summary: (data) => both((l) => `${l === 'de' ? 'Angebot' : 'Offer'} ${quoted(data.title, l)} ${l === 'de' ? 'aufgenommen' : 'listed'}`),
    names: (data, event) => [{ id: own(event), kind: 'offer', title: data.title }],
  },
  OfferRevised: {
    summary: (data, titles, event) =>
      both((l) => `${l === 'de' ? 'Angebot' : 'Offer'} ${quoted(data.title, l)} ${l === 'de' ? 'überarbeitet' : 'revised'}${formerly(titles, event, data.title, l)}`),
    names: (data, event) => [{ id: own(event), kind: 'offer', title: data.title }],
  },
  OfferWithdrawn: {
    summary: (_, titles, event) => both((l) => `${l === 'de' ? 'Angebot' : 'Offer'} ${called(titles, own(event), l)} ${l === 'de' ? 'zurückgezogen' : 'withdrawn'}`),
  },

  AssessmentOpened: {
    summary: (data) =>
      both((l) => {
        const raters = count(data.raters.length, l, ['Bewertende Person', 'Bewertende'], ['rater', 'raters']);
        const visibility = conceptText('visibility', data.visibility, l);
        const items = count(data.items.length, l, ['Entwicklungsziel', 'Entwicklungsziele'], ['development goal', 'development goals']);
        return l === 'de' ? `Selbstbewertung eröffnet: ${items}, ${raters}, ${visibility}` : `Self-assessment opened: ${items}, ${raters}, ${visibility}`;
      }),
  },
  // The ratings themselves stay out of the log: they are hidden from others until the round is closed.
  RatingsSubmitted: {
    summary: (data) =>
      both((l) => {
        const items = count(data.ratings.length, l, ['Entwicklungsziel', 'Entwicklungsziele'], ['development goal', 'development goals']);
        return l === 'de' ? `Bewertungen abgegeben: ${items}` : `Ratings submitted: ${items}`;
      }),
  },
  AssessmentClosed: {
    summary: () => ({ de: 'Selbstbewertung abgeschlossen', en: 'Self-assessment closed' }),
  },
  AssessmentItemPrioritised: {
    summary: (data) => both((l) => (l === 'de' ? `Entwicklungsziel ${quoted(data.itemKey, l)} als Priorität markiert` : `Development goal ${quoted(data.itemKey, l)} marked as a priority`)),
  },
  FrameworkVersionPublished: {
    summary: (data) =>
      both((l) => (l === 'de' ? `Qualitätsrahmen ${quoted(data.title.de, l)} in Version ${data.version} veröffentlicht` : `Quality framework ${quoted(data.title.en, l)} published as version ${data.version}`)),
  },

  PersonalDataErased: {
    summary: () => ({ de: 'Personenbezogene Daten einer Person gelöscht', en: 'Personal data of a person erased' }),
  },
};

/** What an event of a type the domain does not know, or with a payload its entry cannot read, reads as. */
export function genericSummary(event: Pick<SummarisedEvent, 'type' | 'streamId'>): Summary {
  return { de: `Ereignis ${event.type} in ${event.streamId}`, en: `Event ${event.type} in ${event.streamId}` };
}

/**
 * The summary of an event on one line. A payload the entry cannot read (a shape it does not know) gets the
 * generic summary rather than stopping the projection.
 */
export function summarise(event: SummarisedEvent, titles: Titles): Summary {
  const text = textOf(event.type);
  if (!text) return genericSummary(event);
  try {
    const summary = text.summary(event.data, titles, event);
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
    ids.push(...(textOf(event.type)?.refersTo?.(event.data, event) ?? []));
  } catch {
    // a payload the entry cannot read refers to nothing more
  }
  return ids;
}

/** The titles the event sets. */
export function namedSubjects(event: SummarisedEvent): SubjectTitle[] {
  try {
    return (textOf(event.type)?.names?.(event.data, event) ?? []).filter((subject) => typeof subject.id === 'string' && typeof subject.title === 'string');
  } catch {
    return [];
  }
}

/** The entry of a stored type: it reads the payload as that type's data, and throws where the payload has another shape. */
function textOf(type: string): AuditText<unknown> | undefined {
  return isEventType(type) ? (AUDIT_TEXTS[type] as AuditText<unknown>) : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

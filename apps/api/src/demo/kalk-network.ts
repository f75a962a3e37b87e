import { BodyKind, BodyMember, DecisionSubject, NetworkAlreadyRegistered, OrganisationDescription, PersonalData, SealedPersonalData } from '@kreislauf/domain';
import { PersonalDataVault } from '../people/personal-data-vault';
import { CommandContext } from '../write/command-context';
import { DemoWrites } from './demo-writes';

/**
 * A second demo network, built from the public self-description of the Kalker Netzwerk für Familien (Köln:
 * Höhenberg, Vingst, Kalk): 30 member organisations of which 12 are day-care centres, a plenary four times a
 * year, a steering group five times a year, the Arbeitskreis Kitas, a working group that forms and dissolves,
 * and two coordinators who collect the topics. The organisations and all people are invented; every e-mail
 * address is at example.org. Ids are fixed so that loading it twice changes nothing.
 */
export const KALK_NETWORK_ID = '6a1b0000-0000-4000-8000-000000000001';

/** A fixed id: the kind (two hex digits) and a number in the last group. */
function kalkId(kind: '01' | '02' | '03' | '04' | '05', n: number): string {
  return `6a1b0000-0000-4000-8000-${kind}${String(n).padStart(10, '0')}`;
}

export const kalkNetwork = {
  name: 'Kalker Netzwerk für Familien',
  region: 'Köln (Höhenberg, Vingst, Kalk)',
  // The seed names no single responsible body: the network is a partnership of its member organisations' providers.
  responsibleBody: 'Kooperationsverbund der 30 Träger (partnerschaftliches Modell)',
  municipalities: ['Höhenberg', 'Vingst', 'Kalk'],
  programme: null,
  registeredOn: '2024-11-04',
};

export const kalkActor = { userId: 'demo-kalk-coordination', displayName: 'Koordination Kalker Netzwerk für Familien', role: 'coordinator' };

/** The two coordinators (invented): they organise and moderate the bodies and collect topics before each meeting. */
export const kalkCoordinators: readonly [PersonalData, PersonalData] = [
  { name: 'Erika Musterfrau (Koordinatorin)', email: 'koordination.musterfrau@example.org', phone: null },
  { name: 'Clara Beispiel (Koordinatorin)', email: 'koordination.beispiel@example.org', phone: null },
];

/** An organisation as the demo enters it: its description with the contact person not sealed yet. */
export interface DemoOrganisation extends Omit<OrganisationDescription, 'contactPerson'> {
  id: string;
  joinedOn: string;
  contactPerson: PersonalData | null;
}

const person = (name: string, mail: string): PersonalData => ({ name, email: `${mail}@example.org`, phone: null });

// Day-care centres (Kitas).
const KITA_REGENBOGEN = kalkId('01', 1);
const KITA_STERNSCHNUPPE = kalkId('01', 2);
const KITA_WIRBELWIND = kalkId('01', 3);
const KITA_ARCHE = kalkId('01', 4);
const KITA_SENFKORN = kalkId('01', 5);
const KITA_PUSTEBLUME = kalkId('01', 6);
const KITA_LICHTBLICK = kalkId('01', 7);
const KITA_STROLCHE = kalkId('01', 8);
const KITA_ZWERGENBURG = kalkId('01', 9);
const KITA_WELTENDECKER = kalkId('01', 10);
const KITA_BRUECKENBAUER = kalkId('01', 11);
const KITA_KUNTERBUNT = kalkId('01', 12);
// Everyone else.
const ASD = kalkId('01', 13);
const KJGD = kalkId('01', 14);
const KINDERARZT = kalkId('01', 15);
const HEBAMMEN = kalkId('01', 16);
const GS_LINDENWEG = kalkId('01', 17);
const GS_KIRCHPLATZ = kalkId('01', 18);
const JUGENDTREFF = kalkId('01', 19);
const FAMILIENBILDUNG = kalkId('01', 20);
const ELTERNCAFE = kalkId('01', 21);
const ERZIEHUNGSBERATUNG = kalkId('01', 22);
const SCHWANGERENBERATUNG = kalkId('01', 23);
const ERZIEHUNGSHILFEN = kalkId('01', 24);
const WOHNUNGSGENOSSENSCHAFT = kalkId('01', 25);
const STADTTEILVEREIN = kalkId('01', 26);
const SPORTVEREIN = kalkId('01', 27);
const INTERKULTURELLES_ZENTRUM = kalkId('01', 28);
const JOBCENTER = kalkId('01', 29);
const STADTBIBLIOTHEK = kalkId('01', 30);

const kita = (
  id: string,
  name: string,
  district: string,
  provider: string,
  extra: { roles?: string; resources?: string; contactPerson?: PersonalData | null; joinedOn?: string } = {},
): DemoOrganisation => ({
  id,
  joinedOn: extra.joinedOn ?? '2024-11-04',
  name,
  sector: 'day_care',
  namedInKkg: false,
  tasks: `Bildung, Erziehung und Betreuung von Kindern bis zum Schuleintritt in ${district}; Elterngespräche und Vermittlung in Angebote des Netzwerks.`,
  mandates: `Betriebserlaubnis nach § 45 SGB VIII, KiBiz NRW; Schutzauftrag nach § 8a SGB VIII (${provider}).`,
  roles: extra.roles ?? 'Mitglied im Arbeitskreis Kitas; erste Anlaufstelle für Familien mit kleinen Kindern im Stadtteil.',
  resources: extra.resources ?? 'Räume für Elternangebote am Nachmittag, Fachkräfte mit Zusatzqualifikation Sprachförderung.',
  limits: 'Keine Einzelfallberatung über die Kita hinaus; Personalausfälle begrenzen zusätzliche Angebote.',
  contactPerson: extra.contactPerson ?? null,
});

export const kalkOrganisations: DemoOrganisation[] = [
  kita(KITA_REGENBOGEN, 'Städtische Kita Regenbogen', 'Höhenberg', 'Träger: Stadt', {
    roles: 'Leitende Einrichtung des Verbundfamilienzentrums Höhenberg; Mitglied im Arbeitskreis Kitas.',
    resources: 'Familienzentrumsbüro, Mehrzweckraum für Elterncafé und Kurse.',
    contactPerson: person('Anna Beispielname (Kita-Leitung)', 'kita.regenbogen'),
  }),
  kita(KITA_STERNSCHNUPPE, 'Städtische Kita Sternschnuppe', 'Kalk', 'Träger: Stadt', {
    roles: 'Leitende Einrichtung des Verbundfamilienzentrums Kalk bis 2025; Mitglied im Arbeitskreis Kitas.',
    contactPerson: person('Bernd Platzhalter (Kita-Leitung)', 'kita.sternschnuppe'),
  }),
  kita(KITA_WIRBELWIND, 'Städtische Kita Wirbelwind', 'Vingst', 'Träger: Stadt'),
  kita(KITA_ARCHE, 'Katholische Kita Arche Noah', 'Vingst', 'Träger: katholische Kirchengemeinde', {
    roles: 'Leitende Einrichtung des Verbundfamilienzentrums Vingst; Mitglied im Arbeitskreis Kitas.',
    resources: 'Pfarrsaal für Plenumssitzungen und Familienfeste.',
    contactPerson: person('Carla Exempel (Kita-Leitung)', 'kita.arche'),
  }),
  kita(KITA_SENFKORN, 'Katholische Kita Senfkorn', 'Höhenberg', 'Träger: katholische Kirchengemeinde'),
  kita(KITA_PUSTEBLUME, 'Evangelische Kita Pusteblume', 'Kalk', 'Träger: evangelische Kirchengemeinde', {
    roles: 'Im Verbundfamilienzentrum Kalk, seit 2026 dessen gewählte Vertretung in der Steuerungsgruppe.',
    contactPerson: person('Dora Muster (Kita-Leitung)', 'kita.pusteblume'),
  }),
  kita(KITA_LICHTBLICK, 'Evangelische Kita Lichtblick', 'Höhenberg', 'Träger: evangelische Kirchengemeinde'),
  kita(KITA_STROLCHE, 'Elterninitiative Kleine Strolche e. V.', 'Kalk', 'Träger: Elternverein', {
    resources: 'Engagierte Elternschaft, kleine Gruppen; kaum Räume für externe Angebote.',
  }),
  kita(KITA_ZWERGENBURG, 'Elterninitiative Zwergenburg e. V.', 'Vingst', 'Träger: Elternverein', {
    resources: 'Engagierte Elternschaft; Garten, der für Familienfeste genutzt werden kann.',
  }),
  kita(KITA_WELTENDECKER, 'Kita Weltentdecker', 'Kalk', 'Träger: freier Träger der Jugendhilfe'),
  kita(KITA_BRUECKENBAUER, 'Interkulturelle Kita Brückenbauer', 'Kalk', 'Träger: freier Träger der Jugendhilfe', {
    resources: 'Mehrsprachiges Team (Türkisch, Arabisch, Bulgarisch); Sprachmittlung für Elterngespräche.',
    joinedOn: '2024-12-02',
  }),
  kita(KITA_KUNTERBUNT, 'Kita Kunterbunt im Familienzentrum Vingst', 'Vingst', 'Träger: freier Träger der Jugendhilfe', {
    joinedOn: '2024-12-02',
  }),
  {
    id: ASD,
    joinedOn: '2024-11-04',
    name: 'Allgemeiner Sozialer Dienst, Bezirk Kalk',
    sector: 'authority',
    namedInKkg: true,
    tasks: 'Beratung von Familien, Hilfeplanung, Gewährung von Hilfen zur Erziehung, Kinderschutz.',
    mandates: 'Örtlicher Träger der Jugendhilfe: §§ 8a, 16, 27 ff. SGB VIII; KKG § 3.',
    roles: 'Ansprechpartner für Fragen des Kinderschutzes; berichtet im Plenum über Entwicklungen im Bezirk.',
    resources: 'Bezirkssozialarbeit mit Zuständigkeit für alle drei Stadtteile.',
    limits: 'Hohe Fallbelastung; Teilnahme an Arbeitskreisen nur punktuell.',
    contactPerson: person('Emil Mustermann (Bezirkssozialarbeit)', 'asd.kalk'),
  },
  {
    id: KJGD,
    joinedOn: '2024-11-04',
    name: 'Gesundheitsamt – Kinder- und Jugendgesundheitsdienst, Bezirk Kalk',
    sector: 'health',
    namedInKkg: true,
    tasks: 'Schuleingangsuntersuchungen, Kita-Untersuchungen, Beratung zu Entwicklung und Impfungen.',
    mandates: 'ÖGDG NRW; KKG § 3.',
    roles: 'Gewählte Vertretung der Gesundheitshilfe in der Steuerungsgruppe; liefert Daten aus den Eingangsuntersuchungen.',
    resources: 'Kinderärztlicher Dienst, sozialmedizinische Assistenz, Auswertungen je Stadtteil.',
    limits: 'Keine kurative Behandlung; Daten nur anonymisiert und aggregiert.',
    contactPerson: person('Frieda Beispielfrau (Kinderärztlicher Dienst)', 'kjgd.kalk'),
  },
  {
    id: KINDERARZT,
    joinedOn: '2024-11-04',
    name: 'Kinderarztpraxis am Markt (Gemeinschaftspraxis)',
    sector: 'health',
    namedInKkg: true,
    tasks: 'Vorsorgeuntersuchungen U1–J1, Behandlung, Verweis in Frühe Hilfen und Beratungsangebote.',
    mandates: 'Kassenärztliche Versorgung; Befugnisnorm § 4 KKG.',
    roles: 'Lotsenfunktion für Familien, die sonst kein Angebot erreichen.',
    resources: 'Auslage von Flyern, Sprechstunde des Netzwerks einmal im Quartal im Wartezimmer.',
    limits: 'Kaum Zeit für Gremienarbeit; Teilnahme am Plenum nach Möglichkeit.',
    contactPerson: null,
  },
  {
    id: HEBAMMEN,
    joinedOn: '2024-11-04',
    name: 'Familienhebammen-Team Rechtsrheinisch',
    sector: 'health',
    namedInKkg: true,
    tasks: 'Aufsuchende Begleitung von Schwangeren und Familien im ersten Lebensjahr.',
    mandates: 'Frühe Hilfen (Bundesstiftung Frühe Hilfen), KKG § 3.',
    roles: 'Brücke zwischen Geburt und Kita; stellt Familien den Kitas im Stadtteil vor.',
    resources: 'Drei Familienhebammen, eine Familien-Gesundheits- und Kinderkrankenpflegerin.',
    limits: 'Wartezeit von mehreren Wochen; nur bis zum ersten Geburtstag.',
    contactPerson: null,
  },
  {
    id: GS_LINDENWEG,
    joinedOn: '2024-11-04',
    name: 'Gemeinschaftsgrundschule Lindenweg',
    sector: 'school',
    namedInKkg: true,
    tasks: 'Grundschulbildung, Offener Ganztag, Elternarbeit in Höhenberg.',
    mandates: 'Schulgesetz NRW; KKG § 3.',
    roles: 'Partner beim Übergang Kita–Grundschule.',
    resources: 'Schulsozialarbeit, Räume für Elternabende.',
    limits: 'Personelle Engpässe im Ganztag.',
    contactPerson: person('Gustav Platzhalter (Schulleitung)', 'gs.lindenweg'),
  },
  {
    id: GS_KIRCHPLATZ,
    joinedOn: '2024-11-04',
    name: 'Katholische Grundschule Am Kirchplatz',
    sector: 'school',
    namedInKkg: true,
    tasks: 'Grundschulbildung und Offener Ganztag in Vingst.',
    mandates: 'Schulgesetz NRW; KKG § 3.',
    roles: 'Partner beim Übergang Kita–Grundschule; Schnuppertage für Vorschulkinder.',
    resources: 'Schulsozialarbeit, Sprachförderkraft.',
    limits: 'Keine Ressourcen für zusätzliche Nachmittagsangebote.',
    contactPerson: null,
  },
  {
    id: JUGENDTREFF,
    joinedOn: '2024-11-04',
    name: 'Offene Kinder- und Jugendeinrichtung Treffpunkt Kalk',
    sector: 'youth_welfare',
    namedInKkg: false,
    tasks: 'Offene Kinder- und Jugendarbeit, Ferienprogramme, Hausaufgabenhilfe.',
    mandates: '§ 11 SGB VIII; Leistungsvereinbarung mit der Stadt.',
    roles: 'Erreicht ältere Geschwisterkinder und deren Eltern.',
    resources: 'Jugendzentrum mit Küche und Saal, der für Netzwerkfeste genutzt wird.',
    limits: 'Angebote erst ab sechs Jahren.',
    contactPerson: null,
  },
  {
    id: FAMILIENBILDUNG,
    joinedOn: '2024-11-04',
    name: 'Familienbildungswerk Rechtsrheinisch',
    sector: 'family_education',
    namedInKkg: false,
    tasks: 'Eltern-Kind-Kurse, Geburtsvorbereitung, Elternabende in Kitas.',
    mandates: '§ 16 SGB VIII; Weiterbildungsgesetz NRW.',
    roles: 'Gewählte Vertretung der Familienbildung in der Steuerungsgruppe; bringt Kurse in die Kitas.',
    resources: 'Kursleitungen, Kursräume, Kinderbetreuung während der Kurse.',
    limits: 'Kurse brauchen Mindestteilnahme; Gebühren nur teilweise erlassbar.',
    contactPerson: person('Hanna Exempel (Fachbereichsleitung)', 'familienbildung'),
  },
  {
    id: ELTERNCAFE,
    joinedOn: '2024-11-04',
    name: 'Elterncafé Vingst (Nachbarschaftstreff)',
    sector: 'family_education',
    namedInKkg: false,
    tasks: 'Offener Treff für Eltern mit kleinen Kindern, Frühstück, Spielgruppe.',
    mandates: 'Projektförderung der Stadt; ehrenamtlich getragen.',
    roles: 'Niedrigschwelliger Zugang für neu zugezogene Familien.',
    resources: 'Ehrenamtliche, ein Raum im Nachbarschaftshaus.',
    limits: 'Nur vormittags geöffnet; keine Fachberatung.',
    contactPerson: null,
  },
  {
    id: ERZIEHUNGSBERATUNG,
    joinedOn: '2024-11-04',
    name: 'Beratungsstelle für Eltern, Kinder und Jugendliche Kalk',
    sector: 'family_counselling',
    namedInKkg: true,
    tasks: 'Erziehungs- und Familienberatung, Trennungsberatung, offene Sprechstunden in Kitas.',
    mandates: '§§ 16, 17, 28 SGB VIII; KKG § 3.',
    roles: 'Gewählte Vertretung der Familienberatung in der Steuerungsgruppe; Sprechstunden in den Verbundfamilienzentren.',
    resources: 'Multiprofessionelles Team, Dolmetschpool.',
    limits: 'Wartezeit für längere Beratungen; keine Therapie.',
    contactPerson: person('Ida Beispiel (Beratungsstellenleitung)', 'erziehungsberatung'),
  },
  {
    id: SCHWANGERENBERATUNG,
    joinedOn: '2024-11-04',
    name: 'Schwangerschaftsberatungsstelle Kalk',
    sector: 'family_counselling',
    namedInKkg: true,
    tasks: 'Beratung in der Schwangerschaft, Vermittlung finanzieller Hilfen, Vermittlung in Frühe Hilfen.',
    mandates: 'Schwangerschaftskonfliktgesetz; KKG § 3.',
    roles: 'Erster Kontakt vieler Familien zum Netzwerk.',
    resources: 'Zwei Beratungsfachkräfte, Sprechstunden in drei Sprachen.',
    limits: 'Begleitung endet in der Regel mit der Geburt.',
    contactPerson: null,
  },
  {
    id: ERZIEHUNGSHILFEN,
    joinedOn: '2024-11-04',
    name: 'Ambulante Erziehungshilfen Kalk (freier Träger)',
    sector: 'educational_support',
    namedInKkg: true,
    tasks: 'Sozialpädagogische Familienhilfe, Erziehungsbeistandschaft, soziale Gruppenarbeit.',
    mandates: '§§ 27 ff. SGB VIII im Auftrag des Jugendamts.',
    roles: 'Gewählte Vertretung der Hilfen zur Erziehung in der Steuerungsgruppe.',
    resources: 'Fachkräfte im Stadtteil, Gruppenraum.',
    limits: 'Tätig nur mit Hilfeplan; keine offenen Angebote.',
    contactPerson: person('Jonas Mustermann (Teamleitung)', 'erziehungshilfen'),
  },
  {
    id: WOHNUNGSGENOSSENSCHAFT,
    joinedOn: '2024-11-04',
    name: 'Wohnungsgenossenschaft Kalk-Ost eG',
    sector: 'housing',
    namedInKkg: false,
    tasks: 'Vermietung, Quartiersmanagement in drei Siedlungen.',
    mandates: 'Satzung der Genossenschaft.',
    roles: 'Stellt Räume und Freiflächen für Angebote; informiert neue Mieterinnen und Mieter über das Netzwerk.',
    resources: 'Gemeinschaftsraum, Spielplätze, Mieterzeitung.',
    limits: 'Keine sozialpädagogischen Fachkräfte.',
    contactPerson: null,
  },
  {
    id: STADTTEILVEREIN,
    joinedOn: '2024-11-04',
    name: 'Stadtteilverein Höhenberg-Vingst e. V.',
    sector: 'association',
    namedInKkg: false,
    tasks: 'Stadtteilfeste, Patenschaften, Vertretung der Anliegen der Bewohnerschaft.',
    mandates: 'Vereinssatzung; Ehrenamt.',
    roles: 'Verbindet das Netzwerk mit der Bürgerschaft.',
    resources: 'Ehrenamtliche, Kontakte in die Nachbarschaft, kleine Spendenkasse.',
    limits: 'Rein ehrenamtlich; Termine nur abends.',
    contactPerson: null,
  },
  {
    id: SPORTVEREIN,
    joinedOn: '2024-11-04',
    name: 'Sportverein Rechtsrheinisch Bewegt e. V.',
    sector: 'association',
    namedInKkg: false,
    tasks: 'Eltern-Kind-Turnen, Bewegungsangebote für Kitas.',
    mandates: 'Vereinssatzung; Ehrenamt.',
    roles: 'Bringt Bewegungsangebote in die Kitas.',
    resources: 'Übungsleitungen, Turnhallenzeiten am Vormittag.',
    limits: 'Abhängig von ehrenamtlichen Übungsleitungen.',
    contactPerson: null,
  },
  {
    id: INTERKULTURELLES_ZENTRUM,
    joinedOn: '2024-11-04',
    name: 'Interkulturelles Zentrum Kalk',
    sector: 'other',
    namedInKkg: false,
    tasks: 'Migrationsberatung, Sprachcafés, Begleitung zu Ämtern.',
    mandates: 'Landesförderung Integration; Projektmittel.',
    roles: 'Sprachmittlung für das Netzwerk; Zugang zu neu zugewanderten Familien.',
    resources: 'Sprachmittlerinnen und Sprachmittler in acht Sprachen.',
    limits: 'Projektfinanzierung jeweils für ein Jahr.',
    contactPerson: person('Kemal Beispielmann (Projektleitung)', 'interkulturell'),
  },
  {
    id: JOBCENTER,
    joinedOn: '2024-11-04',
    name: 'Jobcenter – Standort Kalk',
    sector: 'authority',
    namedInKkg: true,
    tasks: 'Grundsicherung für Arbeitsuchende, Beratung von Alleinerziehenden.',
    mandates: 'SGB II; KKG § 3.',
    roles: 'Informiert über Leistungen für Bildung und Teilhabe.',
    resources: 'Ansprechperson für Alleinerziehende.',
    limits: 'Keine Beratung zu Erziehungsfragen.',
    contactPerson: null,
  },
  {
    id: STADTBIBLIOTHEK,
    joinedOn: '2024-12-02',
    name: 'Stadtteilbibliothek Kalk',
    sector: 'other',
    namedInKkg: false,
    tasks: 'Vorlesestunden, Bücherkisten für Kitas, mehrsprachige Medien.',
    mandates: 'Kommunale Bibliothek.',
    roles: 'Partner für Sprachförderung und Leseförderung.',
    resources: 'Medienbestand, Veranstaltungsraum.',
    limits: 'Keine eigenen Fachkräfte für Familienarbeit.',
    contactPerson: null,
  },
];

/** The organisation that leaves the network in 2026. */
export const kalkDeparture = {
  organisationId: SPORTVEREIN,
  leftOn: '2026-06-30',
  reason: 'Der Verein stellt seine Eltern-Kind-Angebote ein, weil ehrenamtliche Übungsleitungen fehlen.',
};

export interface KalkBodyMember {
  organisationId: string;
  representative: PersonalData | null;
}

export interface KalkBody {
  id: string;
  kind: BodyKind;
  name: string;
  meetingsPerYear: number;
  establishedOn: string;
  members: KalkBodyMember[];
  memberChanges: { changedOn: string; members: KalkBodyMember[] }[];
  dissolution: { dissolvedOn: string; reason: string } | null;
}

export const KALK_PLENARY_ID = kalkId('02', 1);
export const KALK_STEERING_GROUP_ID = kalkId('02', 2);
export const KALK_AK_KITAS_ID = kalkId('02', 3);
export const KALK_AK_TRANSITION_ID = kalkId('02', 4);

const plain = (...ids: string[]): KalkBodyMember[] => ids.map((organisationId) => ({ organisationId, representative: null }));
const allOrganisationIds = kalkOrganisations.map((organisation) => organisation.id);
const kitaIds = kalkOrganisations.filter((organisation) => organisation.sector === 'day_care').map((organisation) => organisation.id);

const steeringMembers = (kalkKita: KalkBodyMember): KalkBodyMember[] => [
  { organisationId: KITA_REGENBOGEN, representative: person('Anna Beispielname', 'kita.regenbogen') },
  { organisationId: KITA_ARCHE, representative: person('Carla Exempel', 'kita.arche') },
  kalkKita,
  { organisationId: FAMILIENBILDUNG, representative: person('Hanna Exempel', 'familienbildung') },
  { organisationId: ERZIEHUNGSBERATUNG, representative: person('Ida Beispiel', 'erziehungsberatung') },
  { organisationId: ERZIEHUNGSHILFEN, representative: person('Jonas Mustermann', 'erziehungshilfen') },
  { organisationId: KJGD, representative: person('Frieda Beispielfrau', 'kjgd.kalk') },
];

export const kalkBodies: KalkBody[] = [
  {
    id: KALK_PLENARY_ID,
    kind: 'plenary',
    name: 'Plenum',
    meetingsPerYear: 4,
    establishedOn: '2025-01-20',
    members: plain(...allOrganisationIds),
    memberChanges: [{ changedOn: kalkDeparture.leftOn, members: plain(...allOrganisationIds.filter((id) => id !== kalkDeparture.organisationId)) }],
    dissolution: null,
  },
  {
    id: KALK_STEERING_GROUP_ID,
    kind: 'steering_group',
    name: 'Steuerungsgruppe',
    meetingsPerYear: 5,
    establishedOn: '2025-01-20',
    members: steeringMembers({ organisationId: KITA_STERNSCHNUPPE, representative: person('Bernd Platzhalter', 'kita.sternschnuppe') }),
    memberChanges: [
      { changedOn: '2026-01-28', members: steeringMembers({ organisationId: KITA_PUSTEBLUME, representative: person('Dora Muster', 'kita.pusteblume') }) },
    ],
    dissolution: null,
  },
  {
    id: KALK_AK_KITAS_ID,
    kind: 'working_group',
    name: 'Arbeitskreis Kitas',
    meetingsPerYear: 3,
    establishedOn: '2025-01-20',
    members: plain(...kitaIds),
    memberChanges: [],
    dissolution: null,
  },
  {
    id: KALK_AK_TRANSITION_ID,
    kind: 'working_group',
    name: 'Arbeitskreis Übergang Kita–Grundschule',
    meetingsPerYear: 4,
    establishedOn: '2025-04-01',
    members: plain(KITA_WIRBELWIND, KITA_SENFKORN, KITA_BRUECKENBAUER, KITA_ZWERGENBURG, GS_LINDENWEG, GS_KIRCHPLATZ, ERZIEHUNGSBERATUNG, STADTBIBLIOTHEK),
    memberChanges: [],
    dissolution: {
      dissolvedOn: '2026-03-31',
      reason: 'Auftrag erfüllt: Der Übergabebogen Kita–Grundschule ist erarbeitet und vom Plenum im März 2026 beschlossen.',
    },
  },
];

/** The member organisations of a body on a day: its latest member list on or before that day. */
export function kalkBodyMembersOn(body: KalkBody, day: string): string[] {
  let members = body.members;
  for (const change of body.memberChanges) if (change.changedOn <= day) members = change.members;
  return members.map((member) => member.organisationId);
}

export interface KalkMeeting {
  id: string;
  bodyId: string;
  scheduledFor: string;
  title: string;
  contactPerson: PersonalData | null;
  topics: { topicId: string; title: string; description: string; proposedByOrganisationId: string | null; proposedOn: string }[];
  held: { heldOn: string; attendance: string[] } | null;
  decisions: { decisionId: string; text: string; subject: DecisionSubject; topicId: string | null }[];
}

/** A meeting as written down here: topics as [proposed by, on, title, description]; decisions name a topic by its index. */
interface MeetingPlan {
  no: number;
  body: string;
  on: string;
  title: string;
  topics: [string | null, string, string, string][];
  /** Held on that day (the scheduled day when true); absent: the members that did not come. Omitted: not held yet. */
  held?: { on?: string; absent: string[] };
  decisions?: [string, DecisionSubject, number | null][];
}

const plans: MeetingPlan[] = [
  // Plenum, four times a year.
  {
    no: 1,
    body: KALK_PLENARY_ID,
    on: '2025-03-12',
    title: 'Plenum März 2025',
    topics: [
      [null, '2025-02-19', 'Jahresplanung 2025', 'Termine der Gremien, Schwerpunkte des Netzwerks für 2025.'],
      [GS_LINDENWEG, '2025-02-24', 'Übergang Kita–Grundschule', 'Viele Kinder kommen ohne Übergabeinformationen in die Schule; Vorschlag eines eigenen Arbeitskreises.'],
      [KITA_BRUECKENBAUER, '2025-02-27', 'Projekt: Mehrsprachige Vorlesestunden', 'Bericht aus der Kita und Einladung an die Stadtteilbibliothek.'],
    ],
    held: { absent: [KINDERARZT, JOBCENTER, SPORTVEREIN, STADTTEILVEREIN] },
    decisions: [
      ['Das Plenum richtet für ein Jahr einen Arbeitskreis Übergang Kita–Grundschule ein.', 'other', 1],
      ['Die Termine der Gremien für 2025 werden wie vorgeschlagen festgelegt.', 'other', 0],
    ],
  },
  {
    no: 2,
    body: KALK_PLENARY_ID,
    on: '2025-06-18',
    title: 'Plenum Juni 2025',
    topics: [
      [null, '2025-05-28', 'Entwurf des Leitbilds', 'Die Steuerungsgruppe stellt den Entwurf des Leitbilds zur Diskussion.'],
      [HEBAMMEN, '2025-06-02', 'Wartezeiten bei den Familienhebammen', 'Familien warten bis zu acht Wochen; wie kann das Netzwerk überbrücken?'],
      [WOHNUNGSGENOSSENSCHAFT, '2025-06-05', 'Sommerfest in der Siedlung Kalk-Ost', 'Angebot des Gemeinschaftsraums und der Spielplätze für ein Netzwerkfest.'],
    ],
    held: { absent: [KINDERARZT, JOBCENTER, KITA_STROLCHE, ELTERNCAFE, STADTBIBLIOTHEK] },
    decisions: [
      ['Der Entwurf des Leitbilds geht mit den Anmerkungen des Plenums zurück an die Steuerungsgruppe.', 'other', 0],
      ['Das Netzwerkfest 2025 findet im August in der Siedlung Kalk-Ost statt.', 'other', 2],
    ],
  },
  {
    no: 3,
    body: KALK_PLENARY_ID,
    on: '2025-09-17',
    title: 'Plenum September 2025',
    topics: [
      [null, '2025-08-27', 'Leitbild des Netzwerks beschließen', 'Überarbeitete Fassung nach dem Plenum im Juni; Empfehlung der Steuerungsgruppe.'],
      [INTERKULTURELLES_ZENTRUM, '2025-09-01', 'Sprachmittlung im Netzwerk', 'Pool von Sprachmittlerinnen und Sprachmittlern für Elterngespräche in Kitas.'],
    ],
    held: { absent: [KINDERARZT, SPORTVEREIN, JUGENDTREFF] },
    decisions: [
      [
        'Das Plenum verabschiedet das Leitbild „Gemeinsam für Familien in Höhenberg, Vingst und Kalk“ mit seinen fünf Leitsätzen.',
        'leitbild_adoption',
        0,
      ],
      ['Das Interkulturelle Zentrum koordiniert ab Oktober einen Pool für Sprachmittlung in Elterngesprächen.', 'other', 1],
    ],
  },
  {
    no: 4,
    body: KALK_PLENARY_ID,
    on: '2025-11-26',
    title: 'Plenum November 2025',
    topics: [
      [null, '2025-11-05', 'Strategische Ziele für 2026', 'Die Steuerungsgruppe stellt das beschlossene Ziel zur Erreichbarkeit von Familien vor.'],
      [ERZIEHUNGSBERATUNG, '2025-11-10', 'Offene Sprechstunden in den Kitas', 'Erfahrungen aus dem ersten Halbjahr und Ausweitung auf weitere Kitas.'],
    ],
    held: { absent: [KINDERARZT, JOBCENTER, WOHNUNGSGENOSSENSCHAFT, KITA_ZWERGENBURG] },
    decisions: [['Die offenen Sprechstunden der Erziehungsberatung werden 2026 auf sechs Kitas ausgeweitet.', 'other', 1]],
  },
  {
    no: 5,
    body: KALK_PLENARY_ID,
    on: '2026-03-11',
    title: 'Plenum März 2026',
    topics: [
      [GS_KIRCHPLATZ, '2026-02-26', 'Übergabebogen Kita–Grundschule', 'Ergebnis des Arbeitskreises Übergang Kita–Grundschule zur Beschlussfassung.'],
      [null, '2026-02-27', 'Jahresplanung 2026', 'Termine der Gremien und Netzwerkfest 2026.'],
    ],
    held: { absent: [KINDERARZT, SPORTVEREIN, STADTTEILVEREIN, ELTERNCAFE] },
    decisions: [
      ['Der Übergabebogen Kita–Grundschule wird ab dem Schuljahr 2026/27 in allen Kitas und Grundschulen des Netzwerks verwendet.', 'other', 0],
      ['Der Arbeitskreis Übergang Kita–Grundschule hat seinen Auftrag erfüllt und wird zum 31. März 2026 aufgelöst.', 'other', 0],
    ],
  },
  {
    no: 6,
    body: KALK_PLENARY_ID,
    on: '2026-06-17',
    title: 'Plenum Juni 2026',
    topics: [
      [SPORTVEREIN, '2026-05-27', 'Abschied des Sportvereins', 'Der Verein stellt seine Eltern-Kind-Angebote ein und verlässt das Netzwerk zum 30. Juni.'],
      [KITA_REGENBOGEN, '2026-06-01', 'Bewegungsangebote in den Kitas sichern', 'Wer übernimmt das Eltern-Kind-Turnen nach dem Ausscheiden des Sportvereins?'],
    ],
    held: { absent: [KINDERARZT, JOBCENTER] },
    decisions: [['Das Familienbildungswerk prüft bis September ein Ersatzangebot für das Eltern-Kind-Turnen.', 'other', 1]],
  },
  {
    no: 7,
    body: KALK_PLENARY_ID,
    on: '2026-09-16',
    title: 'Plenum September 2026',
    topics: [
      [FAMILIENBILDUNG, '2026-08-26', 'Neues Bewegungsangebot für Eltern und Kinder', 'Kursreihe „Bewegte Familie“ in zwei Kitas ab Oktober.'],
      [null, '2026-09-02', 'Ein Jahr Leitbild', 'Rückblick: Wo zeigt sich das Leitbild in der Arbeit der Einrichtungen?'],
    ],
    held: { absent: [KINDERARZT, WOHNUNGSGENOSSENSCHAFT, STADTBIBLIOTHEK] },
    decisions: [['Die Kursreihe „Bewegte Familie“ startet im Oktober in den Kitas Regenbogen und Wirbelwind.', 'other', 0]],
  },
  {
    no: 8,
    body: KALK_PLENARY_ID,
    on: '2026-12-02',
    title: 'Plenum Dezember 2026',
    topics: [
      [null, '2026-11-09', 'Jahresrückblick 2026 und Sachbericht', 'Entwurf des Sachberichts der Koordination.'],
      [JUGENDTREFF, '2026-11-16', 'Winterferienprogramm', 'Angebote für Geschwisterkinder in den Weihnachtsferien.'],
    ],
  },
  // Steuerungsgruppe, five times a year.
  {
    no: 11,
    body: KALK_STEERING_GROUP_ID,
    on: '2025-02-12',
    title: 'Steuerungsgruppe Februar 2025',
    topics: [[null, '2025-01-29', 'Arbeitsweise der Steuerungsgruppe', 'Geschäftsordnung, Vorsitz im Wechsel, Protokolle.']],
    held: { absent: [] },
    decisions: [['Die Steuerungsgruppe gibt sich eine Geschäftsordnung; die Moderation liegt bei der Koordination.', 'other', 0]],
  },
  {
    no: 12,
    body: KALK_STEERING_GROUP_ID,
    on: '2025-04-09',
    title: 'Steuerungsgruppe April 2025',
    topics: [[FAMILIENBILDUNG, '2025-03-24', 'Leitbildprozess starten', 'Vorschlag: Schreibgruppe aus drei Mitgliedern, Entwurf bis Juni.']],
    held: { absent: [ERZIEHUNGSHILFEN] },
    decisions: [['Eine Schreibgruppe erarbeitet bis Juni den Entwurf eines Leitbilds.', 'other', 0]],
  },
  {
    no: 13,
    body: KALK_STEERING_GROUP_ID,
    on: '2025-06-04',
    title: 'Steuerungsgruppe Juni 2025',
    topics: [[null, '2025-05-21', 'Leitbildentwurf', 'Abstimmung des Entwurfs vor dem Plenum.']],
    held: { absent: [] },
    decisions: [['Der Leitbildentwurf wird dem Plenum im Juni zur Diskussion vorgelegt.', 'other', 0]],
  },
  {
    no: 14,
    body: KALK_STEERING_GROUP_ID,
    on: '2025-09-03',
    title: 'Steuerungsgruppe September 2025',
    topics: [[ERZIEHUNGSBERATUNG, '2025-08-20', 'Überarbeitetes Leitbild', 'Die Anmerkungen aus dem Plenum sind eingearbeitet.']],
    held: { absent: [KJGD] },
    decisions: [['Die Steuerungsgruppe empfiehlt dem Plenum, das überarbeitete Leitbild zu beschließen.', 'other', 0]],
  },
  {
    no: 15,
    body: KALK_STEERING_GROUP_ID,
    on: '2025-11-05',
    title: 'Steuerungsgruppe November 2025',
    topics: [
      [KJGD, '2025-10-20', 'Daten der Schuleingangsuntersuchung', 'Auffälligkeiten in Sprache und Motorik je Stadtteil.'],
      [null, '2025-10-22', 'Strategisches Ziel: Familien früh erreichen', 'Entwurf der Koordination auf Grundlage des Leitbilds.'],
    ],
    held: { absent: [] },
    decisions: [
      [
        'Strategisches Ziel: Bis Ende 2026 erreichen die Angebote des Netzwerks Familien mit Kindern unter drei Jahren in allen drei Stadtteilen früher als bisher.',
        'goal_definition',
        1,
      ],
    ],
  },
  {
    no: 16,
    body: KALK_STEERING_GROUP_ID,
    on: '2026-02-11',
    title: 'Steuerungsgruppe Februar 2026',
    topics: [
      [KJGD, '2026-01-30', 'Strategisches Ziel: Sprachentwicklung', 'Vorschlag auf Grundlage der Schuleingangsdaten.'],
      [null, '2026-02-02', 'Neue Vertretung des Verbundfamilienzentrums Kalk', 'Begrüßung der Kita Pusteblume in der Steuerungsgruppe.'],
    ],
    held: { absent: [ERZIEHUNGSHILFEN] },
    decisions: [
      ['Strategisches Ziel: Die Sprachentwicklung der Kinder vor dem Schuleintritt wird in Kitas und Familien gemeinsam gefördert.', 'goal_definition', 0],
    ],
  },
  {
    no: 17,
    body: KALK_STEERING_GROUP_ID,
    on: '2026-04-15',
    title: 'Steuerungsgruppe April 2026',
    topics: [[null, '2026-03-30', 'Auswertung des Arbeitskreises Übergang', 'Was bleibt nach der Auflösung, wer pflegt den Übergabebogen?']],
    held: { absent: [] },
    decisions: [['Der Arbeitskreis Kitas pflegt den Übergabebogen Kita–Grundschule künftig weiter.', 'other', 0]],
  },
  {
    no: 18,
    body: KALK_STEERING_GROUP_ID,
    on: '2026-06-10',
    title: 'Steuerungsgruppe Juni 2026',
    topics: [[FAMILIENBILDUNG, '2026-05-26', 'Ausscheiden des Sportvereins', 'Folgen für die Bewegungsangebote in den Kitas.']],
    held: { absent: [KITA_ARCHE] },
    decisions: [],
  },
  {
    no: 19,
    body: KALK_STEERING_GROUP_ID,
    on: '2026-09-09',
    title: 'Steuerungsgruppe September 2026',
    topics: [[null, '2026-08-24', 'Vorbereitung Plenum September', 'Tagesordnung und Bericht zum Leitbild.']],
    held: { absent: [] },
    decisions: [['Die Koordination bereitet für das Plenum einen Rückblick auf ein Jahr Leitbild vor.', 'other', 0]],
  },
  {
    no: 20,
    body: KALK_STEERING_GROUP_ID,
    on: '2026-11-11',
    title: 'Steuerungsgruppe November 2026',
    topics: [
      [null, '2026-10-26', 'Sachbericht 2026', 'Gliederung und Zuarbeiten der Einrichtungen.'],
      [KITA_PUSTEBLUME, '2026-10-28', 'Jahresplanung 2027', 'Termine und Schwerpunkte für 2027.'],
    ],
    held: { absent: [KJGD] },
    decisions: [['Die Termine der Gremien für 2027 werden wie vorgeschlagen festgelegt.', 'other', 1]],
  },
  // Arbeitskreis Kitas.
  {
    no: 31,
    body: KALK_AK_KITAS_ID,
    on: '2025-02-26',
    title: 'Arbeitskreis Kitas Februar 2025',
    topics: [
      [KITA_REGENBOGEN, '2025-02-10', 'Fachkräftemangel und Vertretungen', 'Austausch über Personalausfälle und gegenseitige Unterstützung.'],
      [KITA_ARCHE, '2025-02-12', 'Fortbildung Kinderschutz', 'Gemeinsame Inhouse-Fortbildung zu § 8a SGB VIII.'],
    ],
    held: { absent: [KITA_STROLCHE, KITA_WELTENDECKER] },
    decisions: [['Die Kitas organisieren im Herbst eine gemeinsame Fortbildung zum Kinderschutz.', 'other', 1]],
  },
  {
    no: 32,
    body: KALK_AK_KITAS_ID,
    on: '2025-06-25',
    title: 'Arbeitskreis Kitas Juni 2025',
    topics: [[KITA_BRUECKENBAUER, '2025-06-09', 'Sprachmittlung in Elterngesprächen', 'Bedarf der Kitas für den geplanten Pool.']],
    held: { absent: [KITA_ZWERGENBURG] },
    decisions: [['Die Kitas melden ihren Bedarf an Sprachmittlung bis August an die Koordination.', 'other', 0]],
  },
  {
    no: 33,
    body: KALK_AK_KITAS_ID,
    on: '2025-10-08',
    title: 'Arbeitskreis Kitas Oktober 2025',
    topics: [[KITA_PUSTEBLUME, '2025-09-22', 'Vertretung des Verbundfamilienzentrums Kalk', 'Wahl einer neuen Vertretung für die Steuerungsgruppe ab 2026.']],
    held: { absent: [KITA_KUNTERBUNT, KITA_SENFKORN] },
    decisions: [['Die Kitas des Verbundfamilienzentrums Kalk schlagen die Kita Pusteblume für die Steuerungsgruppe ab 2026 vor.', 'other', 0]],
  },
  {
    no: 34,
    body: KALK_AK_KITAS_ID,
    on: '2026-01-21',
    title: 'Arbeitskreis Kitas Januar 2026',
    topics: [[KITA_WIRBELWIND, '2026-01-07', 'Übergabebogen Kita–Grundschule', 'Rückmeldung der Kitas zum Entwurf des Arbeitskreises Übergang.']],
    held: { absent: [KITA_STROLCHE] },
    decisions: [],
  },
  {
    no: 35,
    body: KALK_AK_KITAS_ID,
    on: '2026-05-06',
    title: 'Arbeitskreis Kitas Mai 2026',
    topics: [[KITA_LICHTBLICK, '2026-04-20', 'Pflege des Übergabebogens', 'Aufgabe aus der Steuerungsgruppe: Wer sammelt Rückmeldungen?']],
    held: { absent: [KITA_WELTENDECKER] },
    decisions: [['Die Kita Lichtblick sammelt die Rückmeldungen zum Übergabebogen und berichtet im Oktober.', 'other', 0]],
  },
  {
    no: 36,
    body: KALK_AK_KITAS_ID,
    on: '2026-10-07',
    title: 'Arbeitskreis Kitas Oktober 2026',
    topics: [[KITA_LICHTBLICK, '2026-09-21', 'Erfahrungen mit dem Übergabebogen', 'Erste Rückmeldungen aus Kitas und Grundschulen.']],
    held: { on: '2026-10-14', absent: [KITA_ARCHE, KITA_STROLCHE] },
    decisions: [['Der Übergabebogen bekommt ein Feld für Hinweise der Eltern; die Kita Lichtblick überarbeitet ihn.', 'other', 0]],
  },
  // Arbeitskreis Übergang Kita–Grundschule (dissolved in March 2026).
  {
    no: 41,
    body: KALK_AK_TRANSITION_ID,
    on: '2025-05-07',
    title: 'Arbeitskreis Übergang: Auftakt',
    topics: [[GS_LINDENWEG, '2025-04-16', 'Auftrag und Arbeitsplan', 'Was brauchen Schulen von den Kitas, was Kitas von den Schulen?']],
    held: { absent: [STADTBIBLIOTHEK] },
    decisions: [['Der Arbeitskreis erarbeitet bis Februar 2026 einen gemeinsamen Übergabebogen.', 'other', 0]],
  },
  {
    no: 42,
    body: KALK_AK_TRANSITION_ID,
    on: '2025-08-27',
    title: 'Arbeitskreis Übergang August 2025',
    topics: [[KITA_SENFKORN, '2025-08-11', 'Einwilligung der Eltern', 'Datenschutz: Übergabe nur mit schriftlicher Einwilligung der Eltern.']],
    held: { absent: [GS_KIRCHPLATZ] },
    decisions: [],
  },
  {
    no: 43,
    body: KALK_AK_TRANSITION_ID,
    on: '2025-11-19',
    title: 'Arbeitskreis Übergang November 2025',
    topics: [[STADTBIBLIOTHEK, '2025-11-03', 'Lesestart für Vorschulkinder', 'Bibliotheksausweis für alle Vorschulkinder als Teil des Übergangs.']],
    held: { absent: [] },
    decisions: [['Alle Vorschulkinder erhalten mit dem Übergabebogen eine Einladung in die Stadtteilbibliothek.', 'other', 0]],
  },
  {
    no: 44,
    body: KALK_AK_TRANSITION_ID,
    on: '2026-02-25',
    title: 'Arbeitskreis Übergang: Abschluss',
    topics: [[GS_KIRCHPLATZ, '2026-02-09', 'Endfassung des Übergabebogens', 'Abstimmung der Endfassung für das Plenum im März.']],
    held: { absent: [ERZIEHUNGSBERATUNG] },
    decisions: [['Die Endfassung des Übergabebogens wird dem Plenum zur Beschlussfassung vorgelegt.', 'other', 0]],
  },
];

export const kalkMeetings: KalkMeeting[] = plans.map((plan) => {
  const body = kalkBodies.find((candidate) => candidate.id === plan.body);
  if (!body) throw new Error(`No body ${plan.body}`);
  const topics = plan.topics.map(([proposedByOrganisationId, proposedOn, title, description], index) => ({
    topicId: kalkId('04', plan.no * 10 + index),
    title,
    description,
    proposedByOrganisationId,
    proposedOn,
  }));
  const heldOn = plan.held ? (plan.held.on ?? plan.on) : null;
  const absent = plan.held?.absent ?? [];
  return {
    id: kalkId('03', plan.no),
    bodyId: plan.body,
    scheduledFor: plan.on,
    title: plan.title,
    contactPerson: kalkCoordinators[plan.no % 2],
    topics,
    held: heldOn ? { heldOn, attendance: kalkBodyMembersOn(body, heldOn).filter((id) => !absent.includes(id)) } : null,
    decisions: (plan.decisions ?? []).map(([text, subject, topic], index) => ({
      decisionId: kalkId('05', plan.no * 10 + index),
      text,
      subject,
      topicId: topic === null ? null : topics[topic].topicId,
    })),
  };
});

/** One write of the loader, on its business day; the rank orders writes on the same day. */
interface Step {
  on: string;
  rank: number;
  run: () => Promise<unknown>;
}

/**
 * Loads the Kalk network through the writes the controllers call, as its coordinators would enter it, in the order things
 * happened. Returns the network id, or null when it is there already (then nothing is written).
 */
export async function loadKalkNetwork(writes: Pick<DemoWrites, 'networks' | 'organisations' | 'bodies' | 'meetings'>, vault: PersonalDataVault, context: () => CommandContext): Promise<string | null> {
  const networkId = KALK_NETWORK_ID;
  try {
    await writes.networks.execute({ type: 'RegisterNetwork', networkId, data: kalkNetwork }, context());
  } catch (error) {
    if (error instanceof NetworkAlreadyRegistered) return null;
    throw error;
  }
  // One person, one key: the same e-mail address is sealed under the same person id each time.
  const personIds = new Map<string, string>();
  const seal = async (data: PersonalData | null): Promise<SealedPersonalData | null> => {
    if (!data) return null;
    const key = data.email ?? data.name;
    const sealed = await vault.seal(data, networkId, personIds.get(key));
    personIds.set(key, sealed.personId);
    return sealed;
  };
  const sealMembers = async (members: KalkBodyMember[]): Promise<BodyMember[]> => {
    const sealed: BodyMember[] = [];
    for (const { organisationId, representative } of members) sealed.push({ organisationId, representative: await seal(representative) });
    return sealed;
  };

  const steps: Step[] = [];
  for (const { id, joinedOn, contactPerson, ...description } of kalkOrganisations) {
    steps.push({
      on: joinedOn,
      rank: 0,
      run: async () => writes.organisations.join(id, { ...description, contactPerson: await seal(contactPerson), networkId, joinedOn }, context()),
    });
  }
  for (const body of kalkBodies) {
    const { id, kind, name, meetingsPerYear, establishedOn } = body;
    steps.push({
      on: establishedOn,
      rank: 1,
      run: async () =>
        writes.bodies.establish(id, { networkId, kind, name, meetingsPerYear, members: await sealMembers(body.members), establishedOn }, context()),
    });
    for (const { changedOn, members } of body.memberChanges) {
      steps.push({ on: changedOn, rank: 2, run: async () => writes.bodies.changeMembers(id, { members: await sealMembers(members), changedOn }, context()) });
    }
    if (body.dissolution) {
      const data = body.dissolution;
      steps.push({ on: data.dissolvedOn, rank: 7, run: () => writes.bodies.dissolve({ type: 'DissolveBody', bodyId: id, data }, context()) });
    }
  }
  for (const meeting of kalkMeetings) {
    const { id: meetingId, bodyId, scheduledFor, title } = meeting;
    // Put on the calendar no later than the first topic is proposed.
    const announcedOn = [scheduledFor, ...meeting.topics.map((topic) => topic.proposedOn)].sort()[0];
    steps.push({
      on: announcedOn,
      rank: 3,
      run: async () =>
        writes.meetings.schedule(meetingId, { networkId, bodyId, scheduledFor, title, contactPerson: await seal(meeting.contactPerson) }, context()),
    });
    for (const data of meeting.topics) {
      steps.push({ on: data.proposedOn, rank: 4, run: () => writes.meetings.proposeTopic({ type: 'ProposeTopic', meetingId, data }, context()) });
    }
    if (meeting.held) {
      const held = meeting.held;
      steps.push({
        on: held.heldOn,
        rank: 5,
        run: async () => {
          await writes.meetings.recordAttendance(meetingId, held, context());
          for (const data of meeting.decisions) await writes.meetings.recordDecision({ type: 'RecordDecision', meetingId, data }, context());
        },
      });
    }
  }
  const { organisationId, ...leaving } = kalkDeparture;
  steps.push({
    on: leaving.leftOn,
    rank: 6,
    run: () => writes.organisations.leave({ type: 'LeaveOrganisation', organisationId, data: leaving }, context()),
  });

  steps.sort((a, b) => (a.on === b.on ? a.rank - b.rank : a.on < b.on ? -1 : 1));
  for (const step of steps) await step.run();
  return networkId;
}

import { DemoOrganisation } from './kalk-network';

/**
 * The structure of the demo network Kreis Viersen around its quality cycle: member organisations, the
 * steering group whose decisions adopt the Leitbild and carry the goals, the inter-municipal exchange of
 * the youth offices, and the offers of its prevention chain (with gaps, and one possible duplicate).
 * People are invented; their addresses are example.org.
 */
const id = (suffix: string) => `5d1e2f00-7a1b-4c2d-8e3f-${suffix.padStart(12, '0')}`;

export const VIERSEN = {
  youthOffice: id('0e01'),
  healthOffice: id('0e02'),
  familyCentre: id('0e03'),
  pregnancyCounselling: id('0e04'),
  familyEducation: id('0e05'),
  maternityClinic: id('0e06'),
  cityYouthOffice: id('0e07'),
  steeringGroup: id('0f01'),
  exchange: id('0f02'),
  leitbildMeeting: id('0d01'),
  reflectionMeeting: id('0d02'),
  exchangeMeeting: id('0d03'),
  leitbildDecision: id('0dd1'),
  goalsDecision: id('0dd2'),
  reorientationDecision: id('0dd3'),
  topic: id('0d71'),
};

export const viersenOrganisations: DemoOrganisation[] = [
  {
    id: VIERSEN.youthOffice,
    name: 'Kreisjugendamt Viersen – Netzwerkkoordination Frühe Hilfen',
    sector: 'authority',
    namedInKkg: true,
    tasks: 'Koordination des Netzwerks, Steuerung der Bundesstiftung Frühe Hilfen im Kreis',
    mandates: 'Örtlicher Träger der öffentlichen Jugendhilfe für sechs kreisangehörige Kommunen',
    roles: 'Netzwerkkoordination, Geschäftsführung der Steuerungsgruppe',
    resources: 'Zwei Koordinationsstellen, Mittel der Bundesstiftung',
    limits: 'Keine Zuständigkeit für die Städte mit eigenem Jugendamt',
    contactPerson: { name: 'Miriam Beispiel', email: 'koordination@example.org', phone: '02162 000-100' },
    joinedOn: '2016-01-01',
  },
  {
    id: VIERSEN.healthOffice,
    name: 'Gesundheitsamt des Kreises Viersen',
    sector: 'health',
    namedInKkg: true,
    tasks: 'Familienhebammen und Familien-Gesundheits- und Kinderkrankenpflege vermitteln',
    mandates: 'Öffentlicher Gesundheitsdienst',
    roles: 'Mitglied der Steuerungsgruppe',
    resources: 'Pool von Familienhebammen',
    limits: 'Wartezeiten bei hoher Nachfrage',
    contactPerson: { name: 'Dr. Jonas Muster', email: 'gesundheit@example.org', phone: null },
    joinedOn: '2016-01-01',
  },
  {
    id: VIERSEN.familyCentre,
    name: 'Familienzentrum Tönisvorst',
    sector: 'day_care',
    namedInKkg: false,
    tasks: 'Kindertagesbetreuung, Elterncafé, Beratung in der Kita',
    mandates: 'Landesgefördertes Familienzentrum NRW',
    roles: 'Anbieter im Sozialraum',
    resources: 'Räume für Elterncafés',
    limits: 'Wenig Zeit für Übergabegespräche',
    contactPerson: { name: 'Sabine Probe', email: null, phone: '02151 000-200' },
    joinedOn: '2017-03-01',
  },
  {
    id: VIERSEN.pregnancyCounselling,
    name: 'Schwangerschaftsberatungsstelle Viersen',
    sector: 'family_counselling',
    namedInKkg: true,
    tasks: 'Beratung in der Schwangerschaft, Vermittlung in die Frühen Hilfen',
    mandates: 'Anerkannte Beratungsstelle nach dem Schwangerschaftskonfliktgesetz',
    roles: 'Lotsenfunktion vor der Geburt',
    resources: 'Drei Beraterinnen',
    limits: '',
    contactPerson: null,
    joinedOn: '2016-01-01',
  },
  {
    id: VIERSEN.familyEducation,
    name: 'Familienbildungsstätte Kempen',
    sector: 'family_education',
    namedInKkg: false,
    tasks: 'Kurse für werdende und junge Eltern',
    mandates: 'Anerkannte Einrichtung der Weiterbildung',
    roles: 'Anbieter',
    resources: 'Kursräume in Kempen und Willich',
    limits: 'Kursgebühren',
    contactPerson: { name: 'Tom Exempel', email: 'fbs@example.org', phone: null },
    joinedOn: '2018-05-01',
  },
  {
    id: VIERSEN.maternityClinic,
    name: 'Geburtsklinik im Kreis Viersen',
    sector: 'health',
    namedInKkg: true,
    tasks: 'Geburtshilfe; Babylotsinnen sprechen Familien nach der Geburt an',
    mandates: 'Krankenhaus der Grund- und Regelversorgung',
    roles: 'Zugang zu allen Familien rund um die Geburt',
    resources: 'Babylotsinnen (1,5 Stellen)',
    limits: 'Finanzierung der Lotsinnen befristet',
    contactPerson: { name: 'Lea Platzhalter', email: 'lotsinnen@example.org', phone: null },
    joinedOn: '2019-01-01',
  },
  {
    id: VIERSEN.cityYouthOffice,
    name: 'Jugendamt der Stadt Viersen',
    sector: 'youth_welfare',
    namedInKkg: true,
    tasks: 'Hilfen zur Erziehung, Kinderschutz in der Stadt Viersen',
    mandates: 'Eigenes Jugendamt einer kreisangehörigen Stadt',
    roles: 'Interkommunaler Austausch der Jugendämter',
    resources: '',
    limits: '',
    contactPerson: null,
    joinedOn: '2016-01-01',
  },
];

export const viersenBodies = [
  {
    id: VIERSEN.steeringGroup,
    kind: 'steering_group' as const,
    name: 'Steuerungsgruppe Frühe Hilfen',
    meetingsPerYear: 5,
    members: [VIERSEN.youthOffice, VIERSEN.healthOffice, VIERSEN.familyCentre, VIERSEN.pregnancyCounselling, VIERSEN.maternityClinic],
    establishedOn: '2019-02-01',
  },
  {
    id: VIERSEN.exchange,
    kind: 'working_group' as const,
    name: 'Interkommunaler Austausch der Jugendämter',
    meetingsPerYear: 3,
    members: [VIERSEN.youthOffice, VIERSEN.cityYouthOffice],
    establishedOn: '2016-03-01',
  },
];

export const viersenLeitbild = {
  vision: 'Alle Kinder im Kreis Viersen wachsen gesund, geschützt und mit guten Chancen auf – von der Schwangerschaft an.',
  principles: [
    { key: 'P1', text: 'Familien finden früh, wohnortnah und ohne Hürden passende Unterstützung.' },
    { key: 'P2', text: 'Eltern gestalten die Angebote mit; wir sprechen sie auf Augenhöhe an.' },
    { key: 'P3', text: 'Die Partner aus Jugendhilfe, Gesundheit und Bildung arbeiten verbindlich zusammen.' },
  ],
  draftedOn: '2025-10-01',
  adoptedOn: '2025-11-10',
};

export const viersenMeetings = [
  {
    id: VIERSEN.leitbildMeeting,
    bodyId: VIERSEN.steeringGroup,
    title: 'Steuerungsgruppe: Leitbild und strategische Ziele',
    scheduledFor: '2025-11-10',
    contactPerson: { name: 'Miriam Beispiel', email: 'koordination@example.org', phone: null },
    topics: [{ id: VIERSEN.topic, title: 'Übergänge in die Kita', description: 'Übergabegespräche zwischen Frühen Hilfen und Kita', by: VIERSEN.familyCentre, on: '2025-10-20' }],
    attendance: [VIERSEN.youthOffice, VIERSEN.healthOffice, VIERSEN.familyCentre, VIERSEN.maternityClinic],
    decisions: [
      { id: VIERSEN.leitbildDecision, subject: 'leitbild_adoption' as const, text: 'Die Steuerungsgruppe beschließt das Leitbild der Frühen Hilfen im Kreis Viersen mit drei Leitsätzen.' },
      { id: VIERSEN.goalsDecision, subject: 'goal_definition' as const, text: 'Die Steuerungsgruppe beschließt zwei strategische Ziele für den Qualitätskreislauf 2025/2026.' },
    ],
  },
  {
    id: VIERSEN.exchangeMeeting,
    bodyId: VIERSEN.exchange,
    title: 'Austausch der Jugendämter',
    scheduledFor: '2026-03-04',
    contactPerson: { name: 'Miriam Beispiel', email: 'koordination@example.org', phone: null },
    topics: [],
    attendance: [VIERSEN.youthOffice, VIERSEN.cityYouthOffice],
    decisions: [],
  },
  {
    id: VIERSEN.reflectionMeeting,
    bodyId: VIERSEN.steeringGroup,
    title: 'Steuerungsgruppe: Reflexion und Neuausrichtung',
    scheduledFor: '2026-09-16',
    contactPerson: { name: 'Miriam Beispiel', email: 'koordination@example.org', phone: null },
    topics: [],
    attendance: [VIERSEN.youthOffice, VIERSEN.healthOffice, VIERSEN.familyCentre, VIERSEN.pregnancyCounselling, VIERSEN.maternityClinic],
    decisions: [
      {
        id: VIERSEN.reorientationDecision,
        subject: 'goal_reorientation' as const,
        text: 'Die Steuerungsgruppe richtet die Ziele nach der Überprüfung neu aus: Übergänge in die Kita werden enger gefasst, die übrigen Ziele laufen weiter.',
      },
    ],
  },
];

/** Offers of the prevention chain. Two address single parents with babies in Viersen: a possible duplicate. */
export const viersenOffers = [
  {
    id: id('0a01'),
    title: 'Babylotsinnen in der Geburtsklinik',
    provider: VIERSEN.maternityClinic,
    lifePhases: ['pregnancy', 'age_0_3'],
    districts: ['Viersen', 'Nettetal', 'Schwalmtal', 'Niederkrüchten', 'Brüggen'],
    targetGroups: ['Familien mit Unterstützungsbedarf'],
    startsOn: '2019-01-01',
  },
  {
    id: id('0a02'),
    title: 'Babytreff für Alleinerziehende',
    provider: VIERSEN.familyEducation,
    lifePhases: ['age_0_3'],
    districts: ['Viersen', 'Kempen'],
    targetGroups: ['Alleinerziehende'],
    startsOn: '2022-09-01',
  },
  {
    id: id('0a03'),
    title: 'Offener Treff für alleinerziehende Mütter und Väter',
    provider: VIERSEN.pregnancyCounselling,
    lifePhases: ['age_0_3'],
    districts: ['Viersen'],
    targetGroups: ['alleinerziehende'],
    startsOn: '2024-01-15',
  },
  {
    id: id('0a04'),
    title: 'Elterncafé im Familienzentrum',
    provider: VIERSEN.familyCentre,
    lifePhases: ['age_3_6'],
    districts: ['Tönisvorst'],
    targetGroups: ['Eltern von Kita-Kindern'],
    startsOn: '2023-01-01',
  },
  {
    id: id('0a05'),
    title: 'Familienhebammen und FGKiKP',
    provider: VIERSEN.healthOffice,
    lifePhases: ['pregnancy', 'age_0_3'],
    districts: ['Brüggen', 'Grefrath', 'Kempen', 'Nettetal', 'Niederkrüchten', 'Schwalmtal', 'Tönisvorst', 'Viersen', 'Willich'],
    targetGroups: ['Familien mit Unterstützungsbedarf'],
    startsOn: '2016-01-01',
  },
];

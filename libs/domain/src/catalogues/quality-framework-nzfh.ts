import { FrameworkDimension, FrameworkVersion, Label } from './quality-framework';

/** The Qualitätsrahmen Frühe Hilfen of the Nationales Zentrum Frühe Hilfen (NZFH), as shipped: a fixed id, version 1. */
export const NZFH_FRAMEWORK_ID = '0f2b6c1e-9d3a-4c5e-8f7a-6b1d2e3f4a01';

const byName = (number: number, key: string, title: Label): FrameworkDimension => ({
  key,
  number,
  title,
  description: null,
  keyQuestions: [],
  themes: [],
  strategicQuestions: [],
});

/** Dimension 3 "Netzwerk", complete: its themes, development goals and the questions for the strategic-political level. */
const NETWORK_DIMENSION: FrameworkDimension = {
  key: 'network',
  number: 3,
  title: { de: 'Netzwerk', en: 'Network' },
  description: {
    de: 'In kommunalen Netzwerken arbeiten unterschiedliche für die Frühen Hilfen relevante Fachkräfte und Einrichtungen zusammen. Im Vordergrund steht der Auf- und Ausbau verbindlicher Kommunikations- und Kooperationsstrukturen, damit Familien die Frühen Hilfen tatsächlich nutzen und als hilfreich erleben.',
    en: 'In municipal networks, professionals and institutions relevant to early childhood intervention (Frühe Hilfen) work together. The focus is on building binding structures for communication and cooperation, so that families actually use Frühe Hilfen and find them helpful.',
  },
  keyQuestions: [
    { de: 'Wer sind die Akteure im Netzwerk und wie stehen sie untereinander in Verbindung?', en: 'Who are the actors in the network and how are they connected?' },
    { de: 'Welches gemeinsame Verständnis der Frühen Hilfen und der Netzwerkarbeit gibt es?', en: 'What shared understanding of Frühe Hilfen and of network work is there?' },
    { de: 'Welche Ziele verfolgt das Netzwerk?', en: 'Which goals does the network pursue?' },
    { de: 'Wie ist die Öffentlichkeitsarbeit des Netzwerks gestaltet?', en: 'How does the network do its public relations?' },
  ],
  themes: [
    {
      key: 'network.actors',
      title: { de: 'Das Netzwerk und seine Akteure', en: 'The network and its actors' },
      goals: [
        {
          key: 'network.actors.steering_responsibility',
          text: {
            de: 'Es existiert ein Netzwerk Frühe Hilfen unter der Steuerungsverantwortung des öffentlichen Jugendhilfeträgers.',
            en: 'A Frühe Hilfen network exists under the steering responsibility of the public youth welfare agency.',
          },
        },
        {
          key: 'network.actors.kkg_actors_active',
          text: {
            de: 'Die im Gesetz zur Kooperation und Information im Kinderschutz (KKG) genannten Akteure arbeiten aktiv im Netzwerk zusammen und erleben dies als gewinnbringend.',
            en: 'The actors named in the Act on Cooperation and Information in Child Protection (KKG) work together actively in the network and find it worthwhile.',
          },
        },
        {
          key: 'network.actors.overview',
          text: {
            de: 'Es existiert eine aktuelle Übersicht über die beteiligten Akteure und ihre Handlungsmöglichkeiten: Aufgaben, Aufträge, Rollen, Ressourcen und Grenzen sind untereinander bekannt.',
            en: 'An up-to-date overview of the actors involved and their scope for action exists: tasks, mandates, roles, resources and limits are known to each other.',
          },
        },
        {
          key: 'network.actors.strategic_steering',
          text: {
            de: 'Die strategische Verantwortung und Steuerung übernimmt die Netzwerkkoordination gemeinsam mit einem Gremium (zum Beispiel Steuerungsgruppe).',
            en: 'Network coordination takes on strategic responsibility and steering together with a body (for example a steering group).',
          },
        },
      ],
    },
    {
      key: 'network.understanding',
      title: { de: 'Verständnis der Frühen Hilfen und der Netzwerkarbeit', en: 'Understanding of Frühe Hilfen and of network work' },
      goals: [
        {
          key: 'network.understanding.early_help',
          text: {
            de: 'Die Akteure des Netzwerks einigen sich auf ein gemeinsames Verständnis der Frühen Hilfen.',
            en: 'The actors of the network agree on a shared understanding of Frühe Hilfen.',
          },
        },
        {
          key: 'network.understanding.network_work',
          text: {
            de: 'Die Akteure des Netzwerks einigen sich auf ein gemeinsames Verständnis der Netzwerkarbeit. Ein »Wir-Gefühl« im Sinne einer Verantwortungsgemeinschaft für Familien ist hergestellt.',
            en: 'The actors of the network agree on a shared understanding of network work. A sense of "we", a community of responsibility for families, is established.',
          },
        },
        {
          key: 'network.understanding.binding_principles',
          text: {
            de: 'Die Grundsätze zur verbindlichen Zusammenarbeit sind festgelegt.',
            en: 'The principles of binding cooperation are laid down.',
          },
        },
        {
          key: 'network.understanding.roles_known',
          text: {
            de: 'Die Beteiligten kennen ihre Rolle und Aufgabe im Netzwerk.',
            en: 'Those involved know their role and task in the network.',
          },
        },
        {
          key: 'network.understanding.communication_structure',
          text: {
            de: 'Es ist eine dauerhafte Kommunikationsstruktur zwischen den Beteiligten etabliert.',
            en: 'A lasting structure of communication between those involved is established.',
          },
        },
        {
          key: 'network.understanding.interfaces',
          text: {
            de: 'Schnittstellen zu anderen Netzwerken und bestehenden Arbeitskreisen fachlich passender Themen werden erfasst und entweder integriert oder anschlussfähig ausgestaltet. Es wird vermieden, Doppelstrukturen aufzubauen.',
            en: 'Interfaces with other networks and existing working groups on related topics are identified and either integrated or made to connect. Duplicate structures are avoided.',
          },
        },
      ],
    },
    {
      key: 'network.goals',
      title: { de: 'Ziele des Netzwerks', en: 'Goals of the network' },
      goals: [
        {
          key: 'network.goals.shared_goals',
          text: { de: 'Die Akteure entwickeln gemeinsame Ziele für ihre Zusammenarbeit.', en: 'The actors develop shared goals for their cooperation.' },
        },
        {
          key: 'network.goals.review_system',
          text: {
            de: 'Die Akteure einigen sich auf ein System zur regelmäßigen Überprüfung der Ziele und nutzen das System zur Weiterentwicklung der Qualität der Arbeit im Netzwerk.',
            en: 'The actors agree on a system for reviewing the goals regularly and use it to develop the quality of the work in the network.',
          },
        },
      ],
    },
    {
      key: 'network.public_relations',
      title: { de: 'Öffentlichkeitsarbeit des Netzwerks', en: 'Public relations of the network' },
      goals: [
        {
          key: 'network.public_relations.materials',
          text: {
            de: 'Das Netzwerk betreibt Öffentlichkeitsarbeit. Materialien über vorhandene Unterstützungsangebote sind vorhanden und gut zugänglich für Eltern und die beteiligten Akteure.',
            en: 'The network does public relations work. Materials about the support on offer exist and are easy to reach for parents and the actors involved.',
          },
        },
      ],
    },
  ],
  strategicQuestions: [
    {
      key: 'network.strategic.contribution',
      text: {
        de: 'Welchen Beitrag können Entscheidungstragende aus Politik und Verwaltung zum Gelingen der Netzwerkarbeit leisten? Wie kann ein »Wir-Gefühl« im Sinne einer Verantwortungsgemeinschaft für Familien unterstützt werden?',
        en: 'What can decision makers in politics and administration contribute to successful network work? How can a sense of "we", a community of responsibility for families, be supported?',
      },
    },
    {
      key: 'network.strategic.known_goals',
      text: {
        de: 'Welche strategischen Ziele sind aus den für die Frühen Hilfen relevanten Ausschüssen und Gremien bekannt?',
        en: 'Which strategic goals are known from the committees and bodies relevant to Frühe Hilfen?',
      },
    },
    {
      key: 'network.strategic.key_partners',
      text: {
        de: 'Sind alle relevanten Partnerinnen und Partner beteiligt? Wer sind aus Sicht der Leitungskräfte die Schlüsselpersonen und/oder Schlüsseleinrichtungen im Netzwerk?',
        en: 'Are all relevant partners involved? In the view of senior staff, who are the key people and/or key institutions in the network?',
      },
    },
    {
      key: 'network.strategic.motivate_participation',
      text: {
        de: 'Wie können Entscheidungstragende aus Politik und Verwaltung eine aktive Beteiligung der relevanten Akteure im Netzwerk unterstützen und zu einer solchen motivieren?',
        en: 'How can decision makers in politics and administration support and motivate the active participation of the relevant actors in the network?',
      },
    },
    {
      key: 'network.strategic.own_participation',
      text: {
        de: 'Wie kann eine aktive Beteiligung der strategisch-politischen Ebene selbst gestaltet sein?',
        en: 'What could active participation of the strategic-political level itself look like?',
      },
    },
    {
      key: 'network.strategic.interfaces',
      text: {
        de: 'Wie kann die strategisch-politische Ebene die Arbeit an Schnittstellen zu anderen Netzwerken und bestehenden Arbeitskreisen unterstützen und Kooperation befördern?',
        en: 'How can the strategic-political level support work at the interfaces with other networks and existing working groups and promote cooperation?',
      },
    },
    {
      key: 'network.strategic.resources',
      text: {
        de: 'Welche Rahmenbedingungen und Ressourcen ermöglichen eine aktive Netzwerkarbeit? Wie können zum Beispiel hinreichende Ressourcen für die Mitarbeit der relevanten Akteure sichergestellt werden?',
        en: 'Which conditions and resources make active network work possible? How, for example, can sufficient resources for the relevant actors to take part be secured?',
      },
    },
    {
      key: 'network.strategic.coordination_staff',
      text: {
        de: 'Welche personellen Ressourcen stehen zur Koordination des Netzwerks zur Verfügung? Sind dafür notwendige Qualifikationen vorhanden?',
        en: 'What staff resources are available to coordinate the network? Are the necessary qualifications in place?',
      },
    },
    {
      key: 'network.strategic.responsible_body',
      text: {
        de: 'Welches Gremium übernimmt die strategische Verantwortung für die Netzwerkarbeit zusammen mit der Netzwerkkoordinierenden?',
        en: 'Which body takes on strategic responsibility for the network work together with the network coordinator?',
      },
    },
    {
      key: 'network.strategic.overview_of_offers',
      text: {
        de: 'Wie erhalten Entscheidungstragende aus Politik und Verwaltung durch Öffentlichkeitsarbeit einen guten Überblick zu vorhandenen Unterstützungsangeboten der Frühen Hilfen?',
        en: 'How do decision makers in politics and administration get a good overview of the Frühe Hilfen support on offer through public relations?',
      },
    },
  ],
};

/**
 * Version 1 as shipped: dimension 3 complete; the other dimensions by name only, for an administrator to fill
 * in by publishing version 2 (no code change). A dimension without themes cannot be rated yet.
 */
export const NZFH_FRAMEWORK_V1: FrameworkVersion = {
  frameworkId: NZFH_FRAMEWORK_ID,
  version: 1,
  source: 'shipped',
  publishedOn: null,
  title: { de: 'Qualitätsrahmen Frühe Hilfen (NZFH)', en: 'Quality framework for early childhood intervention (NZFH)' },
  dimensions: [
    byName(1, 'basic_idea', { de: 'Grundidee', en: 'Basic idea' }),
    byName(2, 'political_anchoring', { de: 'Politisch-strukturelle Verankerung', en: 'Political and structural anchoring' }),
    NETWORK_DIMENSION,
    byName(4, 'goal_setting', { de: 'Zielbestimmung', en: 'Setting goals' }),
    byName(5, 'planning', { de: 'Planung', en: 'Planning' }),
    byName(6, 'quality_of_offers', { de: 'Qualität von Angeboten', en: 'Quality of offers' }),
    byName(7, 'working_with_families', { de: 'Zusammenarbeit mit der Familie', en: 'Working with the family' }),
    byName(8, 'qualification', { de: 'Qualifizierung', en: 'Qualification' }),
    byName(9, 'documentation_evaluation', { de: 'Dokumentation und Evaluation', en: 'Documentation and evaluation' }),
  ],
};

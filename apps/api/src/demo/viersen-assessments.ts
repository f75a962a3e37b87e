import { GoalContent, NZFH_FRAMEWORK_ID, Rating } from '@kreislauf/domain';

/**
 * Two self-assessment rounds of the Netzwerk Frühe Hilfen Kreis Viersen on dimension 3 "Netzwerk" of the NZFH
 * Qualitätsrahmen: one early in the first quality cycle, whose two widest disagreements became goals of that cycle,
 * and one in the next cycle, after the first was closed. The ratings are invented for the demo.
 */
export const VIERSEN_ROUND_BEFORE_ID = '5d1e2f00-7a1b-4c2d-8e3f-0000000000e1';
export const VIERSEN_ROUND_AFTER_ID = '5d1e2f00-7a1b-4c2d-8e3f-0000000000e2';
export const VIERSEN_NEXT_CYCLE_ID = '5d1e2f00-7a1b-4c2d-8e3f-0000000000c2';

export interface DemoRater {
  userId: string;
  displayName: string;
  role: 'coordinator' | 'steering' | 'member';
}

/** The coordination opens the rounds and rates too; the others are granted their role in the network first. */
export const viersenRaters: DemoRater[] = [
  { userId: 'demo-coordination', displayName: 'Netzwerkkoordination Kreis Viersen', role: 'coordinator' },
  { userId: 'kv-steuerung-caritas', displayName: 'Steuerungsgruppe: Caritasverband', role: 'steering' },
  { userId: 'kv-jugendamt-kempen', displayName: 'Jugendamt Kempen', role: 'member' },
  { userId: 'kv-gesundheitsamt', displayName: 'Gesundheitsamt Kreis Viersen', role: 'member' },
  { userId: 'kv-familienzentrum-toenisvorst', displayName: 'Familienzentrum Tönisvorst', role: 'member' },
];

/** Per development goal, one character per rater in the order above: 1 not … 4 fully reached, x cannot judge. */
type Answers = Record<string, string>;

const REVIEW_SYSTEM = 'network.goals.review_system';
const INTERFACES = 'network.understanding.interfaces';

const before: Answers = {
  'network.actors.steering_responsibility': '44434',
  'network.actors.kkg_actors_active': '23322',
  'network.actors.overview': '12x21',
  'network.actors.strategic_steering': '33433',
  'network.understanding.early_help': '23322',
  'network.understanding.network_work': '24213',
  'network.understanding.binding_principles': '22312',
  'network.understanding.roles_known': '32332',
  'network.understanding.communication_structure': '33343',
  [INTERFACES]: '1414x',
  'network.goals.shared_goals': '32233',
  [REVIEW_SYSTEM]: '14142',
  'network.public_relations.materials': '2332x',
};

const after: Answers = {
  ...before,
  'network.actors.overview': '22x32',
  'network.understanding.network_work': '33323',
  [INTERFACES]: '3323x',
  [REVIEW_SYSTEM]: '33343',
  'network.public_relations.materials': '3332x',
};

const RATING: Record<string, Rating> = { '1': 'not_reached', '2': 'partly_reached', '3': 'largely_reached', '4': 'fully_reached', x: 'cannot_judge' };

const COMMENTS: Record<string, string> = {
  [`${REVIEW_SYSTEM} kv-jugendamt-kempen`]: 'Ziele werden beschlossen, aber nie gemeinsam überprüft.',
  [`${REVIEW_SYSTEM} kv-steuerung-caritas`]: 'Die Steuerungsgruppe sieht die Zielerreichung jedes Jahr durch.',
  [`${INTERFACES} kv-gesundheitsamt`]: 'Die Präventionskette kinderstark und die Frühen Hilfen tagen getrennt.',
};

export interface DemoRound {
  id: string;
  cycleId: 'first' | 'next';
  openedOn: string;
  ratedOn: string;
  closedOn: string;
  /** Per rater, their ratings of every development goal. */
  ratings: { rater: DemoRater; items: { itemKey: string; rating: Rating; comment: string }[] }[];
}

function ratingsOf(answers: Answers) {
  return viersenRaters.map((rater, index) => ({
    rater,
    items: Object.entries(answers).map(([itemKey, codes]) => ({ itemKey, rating: RATING[codes[index]], comment: COMMENTS[`${itemKey} ${rater.userId}`] ?? '' })),
  }));
}

export const viersenRounds: { before: DemoRound; after: DemoRound } = {
  before: { id: VIERSEN_ROUND_BEFORE_ID, cycleId: 'first', openedOn: '2025-10-01', ratedOn: '2025-10-14', closedOn: '2025-10-31', ratings: ratingsOf(before) },
  after: { id: VIERSEN_ROUND_AFTER_ID, cycleId: 'next', openedOn: '2026-11-04', ratedOn: '2026-11-12', closedOn: '2026-11-20', ratings: ratingsOf(after) },
};

export const viersenRoundSettings = { frameworkId: NZFH_FRAMEWORK_ID, frameworkVersion: 1, dimensionKeys: ['network'], visibility: 'anonymous' as const };

/** The steering group's priorities from the first round, each turned into a goal of the first cycle. */
export const viersenPriorities: {
  itemKey: string;
  note: string;
  goal: GoalContent & { id: string; level: 'strategic' | 'operational'; parent: 'prevention_chain' | null };
}[] = [
  {
    itemKey: REVIEW_SYSTEM,
    note: 'Größte Uneinigkeit der Selbstbewertung: ob die Ziele des Netzwerks überhaupt überprüft werden.',
    goal: {
      id: '5d1e2f00-7a1b-4c2d-8e3f-0000000000b7',
      level: 'strategic',
      parent: null,
      title: 'Ziele des Netzwerks jährlich gemeinsam überprüfen',
      description: 'Die Steuerungsgruppe vereinbart ein System zur Überprüfung der Netzwerkziele und nutzt es jedes Jahr in der Reflexion.',
      qualityGoals: ['multiprofessional_cooperation', 'participation'],
      lifePhase: null,
      district: null,
      reviewIntervalDays: 180,
    },
  },
  {
    itemKey: INTERFACES,
    note: 'Schnittstellen zur Präventionskette kinderstark klären, Doppelstrukturen vermeiden.',
    goal: {
      id: '5d1e2f00-7a1b-4c2d-8e3f-0000000000b8',
      level: 'operational',
      parent: 'prevention_chain',
      title: 'Gemeinsame Sitzungen mit der Netzwerkkoordination kommunaler Prävention einführen',
      description: 'Frühe Hilfen und kinderstark stimmen ihre Arbeitskreise ab, statt parallel zu tagen.',
      qualityGoals: ['multiprofessional_cooperation', 'smooth_transitions'],
      lifePhase: null,
      district: null,
      reviewIntervalDays: 90,
    },
  },
];

export const viersenNextCycle = {
  cycleId: VIERSEN_NEXT_CYCLE_ID,
  title: 'Qualitätskreislauf 2026/2027',
  periodFrom: '2026-11-01',
  periodTo: '2027-12-31',
  openedOn: '2026-11-02',
  firstPhase: { phase: 'leitbild' as const, enteredOn: '2026-11-03' },
  closingOfFirst: '2026-10-15',
};

import { DecisionFact } from '../catalogues/decision-subjects';
import { DecisionDoesNotFit, DecisionNotFound } from '../decision-reference';
import { DraftLeitbild } from '../leitbild/leitbild.commands';
import { InvalidLeitbild, LeitbildDateOutOfOrder, LeitbildNotAdopted, LeitbildVersionAdoptedBefore, LeitbildVersionNotFound } from '../leitbild/leitbild.errors';
import { LeitbildAdopted, LeitbildDrafted } from '../leitbild/leitbild.events';
import { specify } from '../testing/decider-specification';
import { ActiveGoalFact, NetworkCommand } from './network.commands';
import { networkDecider } from './network.decider';
import {
  CycleAlreadyOpen,
  CycleHasGoalsNotReoriented,
  CycleNotFound,
  CycleNotInReflection,
  CycleNotOpen,
  CycleOpensBeforeLastClosed,
  DateBeforePreviousStep,
  InvalidPeriod,
  NetworkAlreadyRegistered,
  NetworkNotFound,
  PhaseOutOfOrder,
  RoleAlreadyGranted,
  RoleNotGranted,
} from './network.errors';
import { CycleClosed, CycleOpened, CyclePhaseEntered, NetworkEvent, NetworkRegistered } from './network.events';

const networkId = 'a6f0c8de-1111-4c3a-9a57-000000000001';
const cycleId = 'c0000000-0000-4000-8000-000000000001';
const secondCycleId = 'c0000000-0000-4000-8000-000000000002';

const registration = {
  name: 'Netzwerk Frühe Hilfen Kreis Viersen',
  region: 'Kreis Viersen',
  responsibleBody: 'Kreisjugendamt Viersen',
  municipalities: ['Brüggen', 'Grefrath'],
  programme: 'kinderstark – NRW schafft Chancen',
  registeredOn: '2016-01-01',
};
const registered: NetworkRegistered = { type: 'NetworkRegistered', schemaVersion: 1, data: registration };
const opened: CycleOpened = {
  type: 'CycleOpened',
  schemaVersion: 2,
  data: { cycleId, title: 'Qualitätskreislauf 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-15', carriedOverGoalIds: [] },
};
const entered = (phase: CyclePhaseEntered['data']['phase'], enteredOn: string): CyclePhaseEntered => ({
  type: 'CyclePhaseEntered',
  schemaVersion: 1,
  data: { cycleId, phase, enteredOn },
});
const allPhases: NetworkEvent[] = [
  entered('leitbild', '2026-01-20'),
  entered('steering', '2026-03-10'),
  entered('concretisation', '2026-05-05'),
  entered('reflection', '2026-10-01'),
];
const closed: CycleClosed = { type: 'CycleClosed', schemaVersion: 2, data: { cycleId, closedOn: '2026-12-01', carriedOverGoalIds: [] } };

const register: NetworkCommand = { type: 'RegisterNetwork', networkId, data: registration };
const openCycle = (id = cycleId, periodFrom = '2026-01-01', periodTo = '2026-12-31'): NetworkCommand => ({
  type: 'OpenCycle',
  networkId,
  data: { cycleId: id, title: 'Qualitätskreislauf', periodFrom, periodTo, openedOn: '2026-01-15' },
});
const enterPhase = (phase: CyclePhaseEntered['data']['phase'], enteredOn = '2026-11-01', id = cycleId): NetworkCommand => ({
  type: 'EnterCyclePhase',
  networkId,
  data: { cycleId: id, phase, enteredOn },
});
const closeCycle = (closedOn = '2026-12-01', id = cycleId, activeGoals: ActiveGoalFact[] = []): NetworkCommand => ({
  type: 'CloseCycle',
  networkId,
  data: { cycleId: id, closedOn },
  facts: { activeGoals },
});

const decisionId = 'd0000000-0000-4000-8000-000000000001';
const adoptionDecision: DecisionFact = { decisionId, networkId, subject: 'leitbild_adoption', decidedOn: '2026-02-10' };
const principles = [
  { key: 'P1', text: 'Alle Familien finden früh passende Unterstützung.' },
  { key: 'P2', text: 'Eltern wirken mit.' },
];
const draft = (draftedOn = '2026-02-01', overrides: Partial<DraftLeitbild['data']> = {}): NetworkCommand => ({
  type: 'DraftLeitbild',
  networkId,
  data: { vision: 'Jedes Kind wächst gesund und geschützt auf.', principles, draftedOn, ...overrides },
});
const drafted = (version: number, draftedOn: string, revisesVersion: number | null = null): LeitbildDrafted => ({
  type: 'LeitbildDrafted',
  schemaVersion: 1,
  data: { version, revisesVersion, vision: 'Jedes Kind wächst gesund und geschützt auf.', principles, draftedOn },
});
const adopt = (version = 1, adoptedOn = '2026-02-10', decision: DecisionFact | null = adoptionDecision): NetworkCommand => ({
  type: 'AdoptLeitbild',
  networkId,
  data: { version, adoptedOn, decisionId },
  facts: { decision },
});
const adopted = (version: number, adoptedOn: string, supersedesVersion: number | null = null): LeitbildAdopted => ({
  type: 'LeitbildAdopted',
  schemaVersion: 1,
  data: { version, adoptedOn, decisionId, supersedesVersion },
});

const network = specify(networkDecider);

describe('network decider', () => {
  it('registers a network', () => {
    network.given().when(register).then([registered]);
  });

  it('refuses to register a network twice', () => {
    network.given(registered).when(register).thenThrows(NetworkAlreadyRegistered, 'network.already_registered');
  });

  it('refuses a cycle for a network that does not exist', () => {
    network.given().when(openCycle()).thenThrows(NetworkNotFound, 'network.not_found');
  });

  it('opens a cycle with a period', () => {
    network.given(registered).when(openCycle()).then([{ ...opened, data: { ...opened.data, title: 'Qualitätskreislauf' } }]);
  });

  it('refuses a period that ends before it begins', () => {
    network.given(registered).when(openCycle(cycleId, '2026-12-31', '2026-01-01')).thenThrows(InvalidPeriod, 'cycle.invalid_period');
  });

  it('refuses a second open cycle in one network', () => {
    network.given(registered, opened).when(openCycle(secondCycleId)).thenThrows(CycleAlreadyOpen, 'cycle.already_open');
  });

  it('enters the phases in their order, starting with the Leitbild', () => {
    network.given(registered, opened).when(enterPhase('leitbild', '2026-01-20')).then([entered('leitbild', '2026-01-20')]);
    network
      .given(registered, opened, drafted(1, '2026-01-16'), adopted(1, '2026-01-18'), allPhases[0])
      .when(enterPhase('steering', '2026-03-10'))
      .then([entered('steering', '2026-03-10')]);
  });

  it('refuses a phase out of order', () => {
    network.given(registered, opened).when(enterPhase('steering')).thenThrows(PhaseOutOfOrder, 'cycle.phase_out_of_order');
    network.given(registered, opened, allPhases[0]).when(enterPhase('reflection')).thenThrows(PhaseOutOfOrder);
    network.given(registered, opened, allPhases[0]).when(enterPhase('leitbild')).thenThrows(PhaseOutOfOrder);
  });

  it('refuses a phase after the last one', () => {
    network.given(registered, opened, ...allPhases).when(enterPhase('reflection')).thenThrows(PhaseOutOfOrder);
  });

  it('refuses a phase dated before the previous step', () => {
    network
      .given(registered, opened, allPhases[0])
      .when(enterPhase('steering', '2026-01-19'))
      .thenThrows(DateBeforePreviousStep, 'cycle.date_before_previous_step');
  });

  it('refuses a phase of an unknown cycle', () => {
    network.given(registered, opened).when(enterPhase('leitbild', '2026-02-01', secondCycleId)).thenThrows(CycleNotFound, 'cycle.not_found');
  });

  it('closes a cycle in its reflection phase', () => {
    network.given(registered, opened, ...allPhases).when(closeCycle()).then([closed]);
  });

  it('refuses to close a cycle before its reflection phase', () => {
    network.given(registered, opened, ...allPhases.slice(0, 3)).when(closeCycle()).thenThrows(CycleNotInReflection, 'cycle.not_in_reflection');
  });

  it('refuses to close a cycle dated before its last phase', () => {
    network.given(registered, opened, ...allPhases).when(closeCycle('2026-09-30')).thenThrows(DateBeforePreviousStep);
  });

  it('refuses phases and closing of a closed cycle', () => {
    network.given(registered, opened, ...allPhases, closed).when(closeCycle('2026-12-02')).thenThrows(CycleNotOpen, 'cycle.not_open');
    network.given(registered, opened, ...allPhases, closed).when(enterPhase('leitbild')).thenThrows(CycleNotOpen);
  });

  describe('roles', () => {
    const grant: NetworkCommand = { type: 'GrantRole', networkId, data: { userId: 'u-anna', role: 'steering', grantedOn: '2026-02-01' } };
    const revoke: NetworkCommand = { type: 'RevokeRole', networkId, data: { userId: 'u-anna', role: 'steering', revokedOn: '2026-05-01' } };
    const granted = { type: 'RoleGranted' as const, schemaVersion: 1, data: { userId: 'u-anna', role: 'steering' as const, grantedOn: '2026-02-01' } };
    const revoked = { type: 'RoleRevoked' as const, schemaVersion: 1, data: { userId: 'u-anna', role: 'steering' as const, revokedOn: '2026-05-01' } };

    it('grants a role in a network and revokes it', () => {
      network.given(registered).when(grant).then([granted]);
      network.given(registered, granted).when(revoke).then([revoked]);
      network.given(registered, granted, revoked).when(grant).then([granted]);
    });

    it('refuses a role granted already, and revoking one never granted', () => {
      network.given(registered, granted).when(grant).thenThrows(RoleAlreadyGranted, 'role.already_granted');
      network.given(registered).when(revoke).thenThrows(RoleNotGranted, 'role.not_granted');
      network.given(registered, granted, revoked).when(revoke).thenThrows(RoleNotGranted);
    });

    it('refuses roles in a network that does not exist', () => {
      network.given().when(grant).thenThrows(NetworkNotFound);
    });
  });
  describe('Leitbild', () => {
    it('drafts a first version, then revisions that name the version they revise', () => {
      network.given(registered).when(draft()).then([drafted(1, '2026-02-01')]);
      network.given(registered, drafted(1, '2026-02-01'), adopted(1, '2026-02-10')).when(draft('2027-02-01')).then([drafted(2, '2027-02-01', 1)]);
    });

    it('refuses a Leitbild without vision, without principles, or with a principle key twice', () => {
      network.given(registered).when(draft('2026-02-01', { vision: ' ' })).thenThrows(InvalidLeitbild, 'leitbild.invalid');
      network.given(registered).when(draft('2026-02-01', { principles: [] })).thenThrows(InvalidLeitbild);
      network.given(registered).when(draft('2026-02-01', { principles: [principles[0], { key: 'P1', text: 'nochmal' }] })).thenThrows(InvalidLeitbild);
    });

    it('refuses a revision dated before the version it revises', () => {
      network.given(registered, drafted(1, '2026-02-01')).when(draft('2026-01-31')).thenThrows(LeitbildDateOutOfOrder, 'leitbild.date_out_of_order');
    });

    it('adopts a version by a decision; adopting the next supersedes the one in force', () => {
      network.given(registered, drafted(1, '2026-02-01')).when(adopt()).then([adopted(1, '2026-02-10')]);
      network
        .given(registered, drafted(1, '2026-02-01'), adopted(1, '2026-02-10'), drafted(2, '2027-02-01', 1))
        .when(adopt(2, '2027-03-01', { ...adoptionDecision, decidedOn: '2027-03-01' }))
        .then([adopted(2, '2027-03-01', 1)]);
    });

    it('refuses to adopt a version that does not exist or was adopted before', () => {
      network.given(registered).when(adopt()).thenThrows(LeitbildVersionNotFound, 'leitbild.version_not_found');
      network.given(registered, drafted(1, '2026-02-01'), adopted(1, '2026-02-10')).when(adopt()).thenThrows(LeitbildVersionAdoptedBefore, 'leitbild.adopted_before');
    });

    it('refuses an adoption dated before the draft', () => {
      network.given(registered, drafted(1, '2026-02-01')).when(adopt(1, '2026-01-20')).thenThrows(LeitbildDateOutOfOrder);
    });

    it('refuses an adoption whose decision is unknown, of another network, about something else, or taken later', () => {
      const given = network.given(registered, drafted(1, '2026-02-01'));
      given.when(adopt(1, '2026-02-10', null)).thenThrows(DecisionNotFound, 'decision.not_found');
      given.when(adopt(1, '2026-02-10', { ...adoptionDecision, networkId: secondCycleId })).thenThrows(DecisionNotFound);
      given.when(adopt(1, '2026-02-10', { ...adoptionDecision, subject: 'goal_definition' })).thenThrows(DecisionDoesNotFit, 'decision.does_not_fit');
      given.when(adopt(1, '2026-02-10', { ...adoptionDecision, decidedOn: '2026-02-11' })).thenThrows(DecisionDoesNotFit);
    });

    it('keeps a cycle in its leitbild phase until a version is adopted', () => {
      network.given(registered, opened, allPhases[0]).when(enterPhase('steering', '2026-03-10')).thenThrows(LeitbildNotAdopted, 'leitbild.not_adopted');
      network.given(registered, opened, drafted(1, '2026-01-16'), allPhases[0]).when(enterPhase('steering', '2026-03-10')).thenThrows(LeitbildNotAdopted);
    });
  });

  describe('cycles that follow each other', () => {
    const goal = (goalId: string, facts: Partial<ActiveGoalFact> = {}): ActiveGoalFact => ({
      goalId,
      definedOn: '2026-03-10',
      lastReviewOn: '2026-10-05',
      lastReorientedOn: '2026-10-06',
      ...facts,
    });

    it('closes with every active goal reviewed and reoriented in the cycle, and names them to carry over', () => {
      network
        .given(registered, opened, ...allPhases)
        .when(closeCycle('2026-12-01', cycleId, [goal('g1'), goal('g2')]))
        .then([{ ...closed, data: { ...closed.data, carriedOverGoalIds: ['g1', 'g2'] } }]);
    });

    it('refuses to close while an active goal lacks a review or a reorientation in the cycle', () => {
      const given = network.given(registered, opened, ...allPhases);
      given.when(closeCycle('2026-12-01', cycleId, [goal('g1'), goal('g2', { lastReorientedOn: null })])).thenThrows(CycleHasGoalsNotReoriented, 'cycle.goals_not_reoriented');
      given.when(closeCycle('2026-12-01', cycleId, [goal('g1', { lastReviewOn: null, lastReorientedOn: null })])).thenThrows(CycleHasGoalsNotReoriented);
      // reviewed and reoriented in the cycle before, not in this one
      given.when(closeCycle('2026-12-01', cycleId, [goal('g1', { definedOn: '2025-03-01', lastReviewOn: '2025-10-01', lastReorientedOn: '2025-10-02' })])).thenThrows(CycleHasGoalsNotReoriented);
    });

    it('lets a goal defined in the reflection phase (planned for the next cycle) close unreviewed, and carries it over', () => {
      network
        .given(registered, opened, ...allPhases)
        .when(closeCycle('2026-12-01', cycleId, [goal('new', { definedOn: '2026-10-01', lastReviewOn: null, lastReorientedOn: null })]))
        .then([{ ...closed, data: { ...closed.data, carriedOverGoalIds: ['new'] } }]);
    });

    it('opens the next cycle with the goals the last one carried over', () => {
      const closedWithGoals: CycleClosed = { ...closed, data: { ...closed.data, carriedOverGoalIds: ['g1', 'g2'] } };
      const next: NetworkCommand = {
        type: 'OpenCycle',
        networkId,
        data: { cycleId: secondCycleId, title: 'Qualitätskreislauf 2027', periodFrom: '2027-01-01', periodTo: '2027-12-31', openedOn: '2027-01-10' },
      };
      network
        .given(registered, opened, ...allPhases, closedWithGoals)
        .when(next)
        .then([{ type: 'CycleOpened', schemaVersion: 2, data: { ...(next.data as object), carriedOverGoalIds: ['g1', 'g2'] } as CycleOpened['data'] }]);
    });

    it('refuses to open a cycle before the previous one closed', () => {
      const early: NetworkCommand = {
        type: 'OpenCycle',
        networkId,
        data: { cycleId: secondCycleId, title: 'Zu früh', periodFrom: '2026-11-01', periodTo: '2027-12-31', openedOn: '2026-11-30' },
      };
      network.given(registered, opened, ...allPhases, closed).when(early).thenThrows(CycleOpensBeforeLastClosed, 'cycle.opens_before_previous_closed');
    });
  });
});

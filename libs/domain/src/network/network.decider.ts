import { LeitbildAdoptedData, LeitbildDraftedData } from '../leitbild/leitbild.events';
import { CycleClosedData, CycleOpenedData, CyclePhaseEnteredData, networkEventRegistry, NetworkRegisteredData, RoleGrantedData, RoleRevokedData } from './network.contract';
import { CYCLE_PHASES, CyclePhase } from '../catalogues/cycle-phases';
import { checkDecision } from '../decision-reference';
import { Decider, IsoDate } from '../domain-event';
import { AdoptLeitbild, DraftLeitbild } from '../leitbild/leitbild.commands';
import { InvalidLeitbild, LeitbildDateOutOfOrder, LeitbildNotAdopted, LeitbildVersionAdoptedBefore, LeitbildVersionNotFound } from '../leitbild/leitbild.errors';
import { CloseCycle, NetworkCommand } from './network.commands';
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
import { NetworkEvent } from './network.events';

export interface CycleState {
  status: 'open' | 'closed';
  phase: CyclePhase | null;
  openedOn: IsoDate;
  /** The day the reflection phase began: goals defined from then on are planned for the next cycle. */
  reflectionFrom: IsoDate | null;
  /** The date of the cycle's latest step: opening, a phase entry or closing. */
  lastStepOn: IsoDate;
}

export interface LeitbildVersionState {
  version: number;
  draftedOn: IsoDate;
  principleKeys: string[];
  adopted: boolean;
}

export interface RegisteredNetwork {
  status: 'registered';
  name: string;
  /** Its municipalities or districts: the places offers and goals are located in. */
  municipalities: string[];
  cycles: Record<string, CycleState>;
  openCycleId: string | null;
  /** The closing date of the latest closed cycle, and the goals it hands to the next one. */
  lastClosed: { closedOn: IsoDate; carriedOverGoalIds: string[] } | null;
  /** Granted roles as `<userId> <role>`. */
  grants: string[];
  leitbild: { versions: LeitbildVersionState[]; inForce: number | null };
}

export type NetworkState = { status: 'none' } | RegisteredNetwork;

export const initialNetworkState: NetworkState = { status: 'none' };

export function decideNetwork(command: NetworkCommand, state: NetworkState): NetworkEvent[] {
  if (command.type === 'RegisterNetwork') {
    if (state.status !== 'none') throw new NetworkAlreadyRegistered(command.networkId);
    const { name, region, responsibleBody, municipalities, programme, registeredOn } = command.data;
    const data: NetworkRegisteredData = { name, region, responsibleBody, municipalities, programme, registeredOn };
    return [{ type: 'NetworkRegistered', schemaVersion: networkEventRegistry.NetworkRegistered.version, data }];
  }
  if (state.status === 'none') throw new NetworkNotFound(command.networkId);

  switch (command.type) {
    case 'OpenCycle': {
      const { data } = command;
      if (state.openCycleId) throw new CycleAlreadyOpen(command.networkId, state.openCycleId);
      if (data.periodTo < data.periodFrom) throw new InvalidPeriod(data.periodFrom, data.periodTo);
      if (state.lastClosed && data.openedOn < state.lastClosed.closedOn) throw new CycleOpensBeforeLastClosed(data.openedOn, state.lastClosed.closedOn);
      const opened: CycleOpenedData = {
        cycleId: data.cycleId,
        title: data.title,
        periodFrom: data.periodFrom,
        periodTo: data.periodTo,
        openedOn: data.openedOn,
        carriedOverGoalIds: state.lastClosed?.carriedOverGoalIds ?? [],
      };
      return [{ type: 'CycleOpened', schemaVersion: networkEventRegistry.CycleOpened.version, data: opened }];
    }
    case 'EnterCyclePhase': {
      const { data } = command;
      const cycle = openCycle(state.cycles, data.cycleId);
      const expected = nextPhase(cycle.phase);
      if (data.phase !== expected) throw new PhaseOutOfOrder(data.cycleId, cycle.phase, data.phase, expected);
      if (data.enteredOn < cycle.lastStepOn) throw new DateBeforePreviousStep(data.enteredOn, cycle.lastStepOn);
      if (cycle.phase === 'leitbild' && state.leitbild.inForce === null) throw new LeitbildNotAdopted(data.cycleId);
      const entered: CyclePhaseEnteredData = { cycleId: data.cycleId, phase: data.phase, enteredOn: data.enteredOn };
      return [{ type: 'CyclePhaseEntered', schemaVersion: networkEventRegistry.CyclePhaseEntered.version, data: entered }];
    }
    case 'CloseCycle': {
      const { data } = command;
      const cycle = openCycle(state.cycles, data.cycleId);
      if (cycle.phase !== 'reflection') throw new CycleNotInReflection(data.cycleId, cycle.phase);
      if (data.closedOn < cycle.lastStepOn) throw new DateBeforePreviousStep(data.closedOn, cycle.lastStepOn);
      const missing = goalsNotReoriented(command, cycle);
      if (missing.length > 0) throw new CycleHasGoalsNotReoriented(data.cycleId, missing);
      const carriedOverGoalIds = command.facts.activeGoals.map((goal) => goal.goalId);
      const closed: CycleClosedData = { cycleId: data.cycleId, closedOn: data.closedOn, carriedOverGoalIds };
      return [{ type: 'CycleClosed', schemaVersion: networkEventRegistry.CycleClosed.version, data: closed }];
    }
    case 'GrantRole': {
      const { data } = command;
      if (state.grants.includes(grantKey(data))) throw new RoleAlreadyGranted(data.userId, data.role);
      const granted: RoleGrantedData = { userId: data.userId, role: data.role, grantedOn: data.grantedOn };
      return [{ type: 'RoleGranted', schemaVersion: networkEventRegistry.RoleGranted.version, data: granted }];
    }
    case 'RevokeRole': {
      const { data } = command;
      if (!state.grants.includes(grantKey(data))) throw new RoleNotGranted(data.userId, data.role);
      const revoked: RoleRevokedData = { userId: data.userId, role: data.role, revokedOn: data.revokedOn };
      return [{ type: 'RoleRevoked', schemaVersion: networkEventRegistry.RoleRevoked.version, data: revoked }];
    }
    case 'DraftLeitbild':
      return decideDraft(command, state);
    case 'AdoptLeitbild':
      return decideAdoption(command, state);
  }
}

export function evolveNetwork(state: NetworkState, event: NetworkEvent): NetworkState {
  if (event.type === 'NetworkRegistered') return { ...blankNetwork(), name: event.data.name, municipalities: event.data.municipalities };
  const network = state.status === 'registered' ? state : blankNetwork();
  switch (event.type) {
    case 'RoleGranted':
      return { ...network, grants: [...network.grants, grantKey(event.data)] };
    case 'RoleRevoked':
      return { ...network, grants: network.grants.filter((grant) => grant !== grantKey(event.data)) };
    case 'CycleOpened': {
      const { cycleId, openedOn } = event.data;
      const cycle: CycleState = { status: 'open', phase: null, openedOn, reflectionFrom: null, lastStepOn: openedOn };
      return { ...withCycle(network, cycleId, cycle), openCycleId: cycleId };
    }
    case 'CyclePhaseEntered': {
      const { cycleId, phase, enteredOn } = event.data;
      const cycle = cycleOf(network, cycleId);
      return withCycle(network, cycleId, { ...cycle, phase, lastStepOn: enteredOn, reflectionFrom: phase === 'reflection' ? enteredOn : cycle.reflectionFrom });
    }
    case 'CycleClosed': {
      const { cycleId, closedOn, carriedOverGoalIds } = event.data;
      const closed = withCycle(network, cycleId, { ...cycleOf(network, cycleId), status: 'closed', lastStepOn: closedOn });
      return { ...closed, openCycleId: null, lastClosed: { closedOn, carriedOverGoalIds } };
    }
    case 'LeitbildDrafted': {
      const { version, draftedOn, principles } = event.data;
      const drafted: LeitbildVersionState = { version, draftedOn, principleKeys: principles.map((principle) => principle.key), adopted: false };
      return { ...network, leitbild: { ...network.leitbild, versions: [...network.leitbild.versions, drafted] } };
    }
    case 'LeitbildAdopted': {
      const versions = network.leitbild.versions.map((known) => (known.version === event.data.version ? { ...known, adopted: true } : known));
      return { ...network, leitbild: { versions, inForce: event.data.version } };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const networkDecider: Decider<NetworkCommand, NetworkEvent, NetworkState> = {
  decide: decideNetwork,
  evolve: evolveNetwork,
  initialState: initialNetworkState,
};

/** The keys of the principles of the Leitbild version in force; null when none is adopted. */
export function principlesInForce(state: NetworkState): string[] | null {
  if (state.status !== 'registered' || state.leitbild.inForce === null) return null;
  return state.leitbild.versions.find((version) => version.version === state.leitbild.inForce)?.principleKeys ?? null;
}

function decideDraft({ data }: DraftLeitbild, state: RegisteredNetwork): NetworkEvent[] {
  if (data.vision.trim() === '') throw new InvalidLeitbild('A Leitbild states a vision');
  if (data.principles.length === 0) throw new InvalidLeitbild('A Leitbild has at least one guiding principle');
  const keys = data.principles.map((principle) => principle.key);
  const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (repeated.length > 0) throw new InvalidLeitbild('Each guiding principle has a key of its own', { repeated: [...new Set(repeated)] });
  const latest = state.leitbild.versions[state.leitbild.versions.length - 1];
  if (latest && data.draftedOn < latest.draftedOn) throw new LeitbildDateOutOfOrder(data.draftedOn, latest.draftedOn);
  const version = (latest?.version ?? 0) + 1;
  const drafted: LeitbildDraftedData = { version, revisesVersion: latest?.version ?? null, vision: data.vision, principles: data.principles, draftedOn: data.draftedOn };
  return [{ type: 'LeitbildDrafted', schemaVersion: networkEventRegistry.LeitbildDrafted.version, data: drafted }];
}

function decideAdoption({ networkId, data, facts }: AdoptLeitbild, state: RegisteredNetwork): NetworkEvent[] {
  const version = state.leitbild.versions.find((known) => known.version === data.version);
  if (!version) throw new LeitbildVersionNotFound(data.version);
  if (version.adopted) throw new LeitbildVersionAdoptedBefore(data.version);
  if (data.adoptedOn < version.draftedOn) throw new LeitbildDateOutOfOrder(data.adoptedOn, version.draftedOn);
  checkDecision(data.decisionId, facts.decision, { networkId, subject: 'leitbild_adoption', actOn: data.adoptedOn });
  const adopted: LeitbildAdoptedData = { version: data.version, adoptedOn: data.adoptedOn, decisionId: data.decisionId, supersedesVersion: state.leitbild.inForce };
  return [{ type: 'LeitbildAdopted', schemaVersion: networkEventRegistry.LeitbildAdopted.version, data: adopted }];
}

/**
 * Goals the cycle cannot close with: active, and without a review and a reorientation since the cycle
 * opened. A goal defined in the reflection phase is planned for the next cycle and exempt.
 */
function goalsNotReoriented({ facts }: CloseCycle, cycle: CycleState): string[] {
  return facts.activeGoals
    .filter((goal) => !(cycle.reflectionFrom && goal.definedOn >= cycle.reflectionFrom))
    .filter((goal) => !(goal.lastReviewOn && goal.lastReviewOn >= cycle.openedOn && goal.lastReorientedOn && goal.lastReorientedOn >= cycle.openedOn))
    .map((goal) => goal.goalId);
}

function blankNetwork(): RegisteredNetwork {
  return { status: 'registered', name: '', municipalities: [], cycles: {}, openCycleId: null, lastClosed: null, grants: [], leitbild: { versions: [], inForce: null } };
}

function grantKey({ userId, role }: { userId: string; role: string }): string {
  return `${userId} ${role}`;
}

export function nextPhase(current: CyclePhase | null): CyclePhase | null {
  if (current === null) return CYCLE_PHASES[0];
  return CYCLE_PHASES[CYCLE_PHASES.indexOf(current) + 1] ?? null;
}

function openCycle(cycles: Record<string, CycleState>, cycleId: string): CycleState {
  const cycle = cycles[cycleId];
  if (!cycle) throw new CycleNotFound(cycleId);
  if (cycle.status !== 'open') throw new CycleNotOpen(cycleId);
  return cycle;
}

// evolve never throws: an event for an unknown cycle (impossible through decide) starts it blank.
function cycleOf(network: RegisteredNetwork, cycleId: string): CycleState {
  return network.cycles[cycleId] ?? { status: 'open', phase: null, openedOn: '0000-01-01', reflectionFrom: null, lastStepOn: '0000-01-01' };
}

function withCycle(network: RegisteredNetwork, cycleId: string, cycle: CycleState): RegisteredNetwork {
  return { ...network, cycles: { ...network.cycles, [cycleId]: cycle } };
}

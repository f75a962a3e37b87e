import { CYCLE_PHASES, CyclePhase } from '../catalogues/cycle-phases';
import { Decider, IsoDate } from '../domain-event';
import { NetworkCommand } from './network.commands';
import {
  CycleAlreadyOpen,
  CycleNotFound,
  CycleNotInReflection,
  CycleNotOpen,
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
  /** The date of the cycle's latest step: opening, a phase entry or closing. */
  lastStepOn: IsoDate;
}

export type NetworkState =
  | { status: 'none' }
  | {
      status: 'registered';
      name: string;
      cycles: Record<string, CycleState>;
      openCycleId: string | null;
      /** Granted roles as `<userId> <role>`. */
      grants: string[];
    };

export const initialNetworkState: NetworkState = { status: 'none' };

export function decideNetwork(command: NetworkCommand, state: NetworkState): NetworkEvent[] {
  if (command.type === 'RegisterNetwork') {
    if (state.status !== 'none') throw new NetworkAlreadyRegistered(command.networkId);
    return [{ type: 'NetworkRegistered', schemaVersion: 1, data: command.data }];
  }
  if (state.status === 'none') throw new NetworkNotFound(command.networkId);

  switch (command.type) {
    case 'OpenCycle': {
      const { data } = command;
      if (state.openCycleId) throw new CycleAlreadyOpen(command.networkId, state.openCycleId);
      if (data.periodTo < data.periodFrom) throw new InvalidPeriod(data.periodFrom, data.periodTo);
      return [{ type: 'CycleOpened', schemaVersion: 1, data }];
    }
    case 'EnterCyclePhase': {
      const { data } = command;
      const cycle = openCycle(state.cycles, data.cycleId);
      const expected = nextPhase(cycle.phase);
      if (data.phase !== expected) throw new PhaseOutOfOrder(data.cycleId, cycle.phase, data.phase, expected);
      if (data.enteredOn < cycle.lastStepOn) throw new DateBeforePreviousStep(data.enteredOn, cycle.lastStepOn);
      return [{ type: 'CyclePhaseEntered', schemaVersion: 1, data }];
    }
    case 'CloseCycle': {
      const { data } = command;
      const cycle = openCycle(state.cycles, data.cycleId);
      if (cycle.phase !== 'reflection') throw new CycleNotInReflection(data.cycleId, cycle.phase);
      if (data.closedOn < cycle.lastStepOn) throw new DateBeforePreviousStep(data.closedOn, cycle.lastStepOn);
      return [{ type: 'CycleClosed', schemaVersion: 1, data }];
    }
    case 'GrantRole': {
      const { data } = command;
      if (state.grants.includes(grantKey(data))) throw new RoleAlreadyGranted(data.userId, data.role);
      return [{ type: 'RoleGranted', schemaVersion: 1, data }];
    }
    case 'RevokeRole': {
      const { data } = command;
      if (!state.grants.includes(grantKey(data))) throw new RoleNotGranted(data.userId, data.role);
      return [{ type: 'RoleRevoked', schemaVersion: 1, data }];
    }
  }
}

export function evolveNetwork(state: NetworkState, event: NetworkEvent): NetworkState {
  switch (event.type) {
    case 'NetworkRegistered':
      return { status: 'registered', name: event.data.name, cycles: {}, openCycleId: null, grants: [] };
    case 'RoleGranted':
      return state.status === 'registered' ? { ...state, grants: [...state.grants, grantKey(event.data)] } : state;
    case 'RoleRevoked':
      return state.status === 'registered' ? { ...state, grants: state.grants.filter((grant) => grant !== grantKey(event.data)) } : state;
    case 'CycleOpened':
      return withCycle(state, event.data.cycleId, { status: 'open', phase: null, lastStepOn: event.data.openedOn }, event.data.cycleId);
    case 'CyclePhaseEntered': {
      const cycle = cycleOf(state, event.data.cycleId);
      return withCycle(state, event.data.cycleId, { ...cycle, phase: event.data.phase, lastStepOn: event.data.enteredOn });
    }
    case 'CycleClosed': {
      const cycle = cycleOf(state, event.data.cycleId);
      return withCycle(state, event.data.cycleId, { ...cycle, status: 'closed', lastStepOn: event.data.closedOn }, null);
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
function cycleOf(state: NetworkState, cycleId: string): CycleState {
  const known = state.status === 'registered' ? state.cycles[cycleId] : undefined;
  return known ?? { status: 'open', phase: null, lastStepOn: '0000-01-01' };
}

function withCycle(state: NetworkState, cycleId: string, cycle: CycleState, openCycleId?: string | null): NetworkState {
  const base = state.status === 'registered' ? state : { status: 'registered' as const, name: '', cycles: {}, openCycleId: null, grants: [] };
  return {
    ...base,
    cycles: { ...base.cycles, [cycleId]: cycle },
    openCycleId: openCycleId === undefined ? base.openCycleId : openCycleId,
  };
}

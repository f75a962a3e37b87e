import { CyclePhase } from '../catalogues/cycle-phases';
import { NetworkRole } from '../catalogues/network-roles';
import { IsoDate } from '../domain-event';
import { AdoptLeitbild, DraftLeitbild } from '../leitbild/leitbild.commands';

export interface RegisterNetwork {
  type: 'RegisterNetwork';
  networkId: string;
  data: {
    name: string;
    region: string;
    responsibleBody: string;
    municipalities: string[];
    programme: string | null;
    registeredOn: IsoDate;
  };
}

export interface OpenCycle {
  type: 'OpenCycle';
  networkId: string;
  data: { cycleId: string; title: string; periodFrom: IsoDate; periodTo: IsoDate; openedOn: IsoDate };
}

export interface EnterCyclePhase {
  type: 'EnterCyclePhase';
  networkId: string;
  data: { cycleId: string; phase: CyclePhase; enteredOn: IsoDate };
}

/** A goal that is active when its cycle closes, with the dates of its latest review and reorientation. */
export interface ActiveGoalFact {
  goalId: string;
  definedOn: IsoDate;
  lastReviewOn: IsoDate | null;
  lastReorientedOn: IsoDate | null;
}

export interface CloseCycle {
  type: 'CloseCycle';
  networkId: string;
  data: { cycleId: string; closedOn: IsoDate };
  /** Every active goal of the network: all of them belong to the open cycle. */
  facts: { activeGoals: ActiveGoalFact[] };
}

export interface GrantRole {
  type: 'GrantRole';
  networkId: string;
  data: { userId: string; role: NetworkRole; grantedOn: IsoDate };
}

export interface RevokeRole {
  type: 'RevokeRole';
  networkId: string;
  data: { userId: string; role: NetworkRole; revokedOn: IsoDate };
}

export type NetworkCommand = RegisterNetwork | OpenCycle | EnterCyclePhase | CloseCycle | GrantRole | RevokeRole | DraftLeitbild | AdoptLeitbild;

/** A command as a client sends it: the facts from other streams are added by the network's writes. */
export type WithoutFacts<C> = C extends { facts: unknown } ? Omit<C, 'facts'> : C;
export type NetworkRequest = WithoutFacts<NetworkCommand>;

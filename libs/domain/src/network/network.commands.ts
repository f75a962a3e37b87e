import { CyclePhase } from '../catalogues/cycle-phases';
import { NetworkRole } from '../catalogues/network-roles';
import { IsoDate } from '../domain-event';

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

export interface CloseCycle {
  type: 'CloseCycle';
  networkId: string;
  data: { cycleId: string; closedOn: IsoDate };
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

export type NetworkCommand = RegisterNetwork | OpenCycle | EnterCyclePhase | CloseCycle | GrantRole | RevokeRole;

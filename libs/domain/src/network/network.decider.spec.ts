import { specify } from '../testing/decider-specification';
import { NetworkCommand } from './network.commands';
import { networkDecider } from './network.decider';
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
  schemaVersion: 1,
  data: { cycleId, title: 'Qualitätskreislauf 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-15' },
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
const closed: CycleClosed = { type: 'CycleClosed', schemaVersion: 1, data: { cycleId, closedOn: '2026-12-01' } };

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
const closeCycle = (closedOn = '2026-12-01', id = cycleId): NetworkCommand => ({ type: 'CloseCycle', networkId, data: { cycleId: id, closedOn } });

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

  it('opens the next cycle once the previous one is closed', () => {
    const next = openCycle(secondCycleId, '2027-01-01', '2027-12-31');
    network
      .given(registered, opened, ...allPhases, closed)
      .when(next)
      .then([{ type: 'CycleOpened', schemaVersion: 1, data: next.data as CycleOpened['data'] }]);
  });

  it('enters the phases in their order, starting with the Leitbild', () => {
    network.given(registered, opened).when(enterPhase('leitbild', '2026-01-20')).then([entered('leitbild', '2026-01-20')]);
    network.given(registered, opened, allPhases[0]).when(enterPhase('steering', '2026-03-10')).then([entered('steering', '2026-03-10')]);
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
});

import { BodyKind } from '../catalogues/decision-subjects';
import { Decider, IsoDate } from '../domain-event';
import { NetworkNotFound } from '../network/network.errors';
import { OrganisationNotFound } from '../organisation/organisation.errors';
import { BodyCommand, BodyMember, MembershipFacts } from './body.commands';
import { BodyAlreadyEstablished, BodyDateTooEarly, BodyIsDissolved, BodyNotFound, InvalidBodyMember, InvalidMeetingCadence } from './body.errors';
import { BodyDissolvedData, BodyEstablishedData, BodyEvent, bodyEventRegistry, BodyMembersChangedData } from './body.contract';

export type BodyState =
  | { status: 'none' }
  | {
      status: 'active' | 'dissolved';
      networkId: string;
      kind: BodyKind;
      establishedOn: IsoDate;
      lastStepOn: IsoDate;
      dissolvedOn: IsoDate | null;
      memberIds: string[];
    };

export const initialBodyState: BodyState = { status: 'none' };

export function decideBody(command: BodyCommand, state: BodyState): BodyEvent[] {
  if (command.type === 'EstablishBody') {
    const { data } = command;
    if (state.status !== 'none') throw new BodyAlreadyEstablished(command.bodyId);
    if (!command.facts.network.registered) throw new NetworkNotFound(data.networkId);
    if (!Number.isInteger(data.meetingsPerYear) || data.meetingsPerYear < 1 || data.meetingsPerYear > 52) throw new InvalidMeetingCadence(data.meetingsPerYear);
    checkMembers(data.members, command.facts, data.networkId, data.establishedOn);
    const established: BodyEstablishedData = {
      networkId: data.networkId,
      kind: data.kind,
      name: data.name,
      meetingsPerYear: data.meetingsPerYear,
      members: data.members,
      establishedOn: data.establishedOn,
    };
    return [{ type: 'BodyEstablished', schemaVersion: bodyEventRegistry.BodyEstablished.version, data: established }];
  }
  if (state.status === 'none') throw new BodyNotFound(command.bodyId);
  if (state.status === 'dissolved') throw new BodyIsDissolved(command.bodyId, state.dissolvedOn ?? state.lastStepOn);

  switch (command.type) {
    case 'ChangeBodyMembers': {
      const { members, changedOn } = command.data;
      notBefore(changedOn, state.lastStepOn);
      checkMembers(members, command.facts, state.networkId, changedOn);
      const changed: BodyMembersChangedData = { members, changedOn };
      return [{ type: 'BodyMembersChanged', schemaVersion: bodyEventRegistry.BodyMembersChanged.version, data: changed }];
    }
    case 'DissolveBody': {
      const { dissolvedOn, reason } = command.data;
      notBefore(dissolvedOn, state.lastStepOn);
      const dissolved: BodyDissolvedData = { dissolvedOn, reason };
      return [{ type: 'BodyDissolved', schemaVersion: bodyEventRegistry.BodyDissolved.version, data: dissolved }];
    }
  }
}

export function evolveBody(state: BodyState, event: BodyEvent): BodyState {
  switch (event.type) {
    case 'BodyEstablished': {
      const { data } = event;
      return {
        status: 'active',
        networkId: data.networkId,
        kind: data.kind,
        establishedOn: data.establishedOn,
        lastStepOn: data.establishedOn,
        dissolvedOn: null,
        memberIds: data.members.map((member) => member.organisationId),
      };
    }
    case 'BodyMembersChanged':
      return state.status === 'none'
        ? state
        : { ...state, memberIds: event.data.members.map((member) => member.organisationId), lastStepOn: later(state.lastStepOn, event.data.changedOn) };
    case 'BodyDissolved':
      return state.status === 'none'
        ? state
        : { ...state, status: 'dissolved', dissolvedOn: event.data.dissolvedOn, lastStepOn: later(state.lastStepOn, event.data.dissolvedOn) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const bodyDecider: Decider<BodyCommand, BodyEvent, BodyState> = {
  decide: decideBody,
  evolve: evolveBody,
  initialState: initialBodyState,
};

/** Every member is an organisation of the body's network that is a member on the date, and none is named twice. */
function checkMembers(members: BodyMember[], facts: MembershipFacts, networkId: string, on: IsoDate): void {
  const seen = new Set<string>();
  for (const { organisationId } of members) {
    if (seen.has(organisationId)) throw new InvalidBodyMember(organisationId, 'duplicate');
    seen.add(organisationId);
    const organisation = facts.organisations[organisationId];
    if (!organisation || organisation.networkId !== networkId) throw new OrganisationNotFound(organisationId);
    if (organisation.leftOn !== null) throw new InvalidBodyMember(organisationId, 'left');
    if (organisation.joinedOn > on) throw new InvalidBodyMember(organisationId, 'not_yet_joined');
  }
}

function notBefore(date: IsoDate, earliest: IsoDate): void {
  if (date < earliest) throw new BodyDateTooEarly(date, earliest);
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

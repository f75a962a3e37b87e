import { isSector } from '../catalogues/sectors';
import { Decider, IsoDate } from '../domain-event';
import { NetworkNotFound } from '../network/network.errors';
import { OrganisationCommand, OrganisationDescription } from './organisation.commands';
import { OrganisationAlreadyJoined, OrganisationDateTooEarly, OrganisationHasLeft, OrganisationNotFound, UnknownSector } from './organisation.errors';
import { OrganisationDescribedData, OrganisationDescriptionData, OrganisationEvent, organisationEventRegistry, OrganisationJoinedData, OrganisationLeftData } from './organisation.contract';

export type OrganisationState =
  | { status: 'none' }
  | {
      status: 'member' | 'left';
      networkId: string;
      joinedOn: IsoDate;
      /** The latest business date of joining, a description or leaving. */
      lastStepOn: IsoDate;
      leftOn: IsoDate | null;
    };

export const initialOrganisationState: OrganisationState = { status: 'none' };

export function decideOrganisation(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[] {
  if (command.type === 'JoinOrganisation') {
    if (state.status !== 'none') throw new OrganisationAlreadyJoined(command.organisationId);
    if (!command.facts.network.registered) throw new NetworkNotFound(command.data.networkId);
    const { data } = command;
    checkDescription(data);
    const joined: OrganisationJoinedData = { ...storedDescription(data), networkId: data.networkId, joinedOn: data.joinedOn };
    return [{ type: 'OrganisationJoined', schemaVersion: organisationEventRegistry.OrganisationJoined.version, data: joined }];
  }
  if (state.status === 'none') throw new OrganisationNotFound(command.organisationId);
  if (state.status === 'left') throw new OrganisationHasLeft(command.organisationId, state.leftOn ?? state.lastStepOn);

  switch (command.type) {
    case 'DescribeOrganisation': {
      const { data } = command;
      notBefore(data.describedOn, state.joinedOn);
      checkDescription(data);
      const described: OrganisationDescribedData = { ...storedDescription(data), describedOn: data.describedOn };
      return [{ type: 'OrganisationDescribed', schemaVersion: organisationEventRegistry.OrganisationDescribed.version, data: described }];
    }
    case 'LeaveOrganisation': {
      const { leftOn, reason } = command.data;
      notBefore(leftOn, state.lastStepOn);
      const left: OrganisationLeftData = { leftOn, reason };
      return [{ type: 'OrganisationLeft', schemaVersion: organisationEventRegistry.OrganisationLeft.version, data: left }];
    }
  }
}

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationJoined':
      return { status: 'member', networkId: event.data.networkId, joinedOn: event.data.joinedOn, lastStepOn: event.data.joinedOn, leftOn: null };
    case 'OrganisationDescribed':
      return state.status === 'none' ? state : { ...state, lastStepOn: later(state.lastStepOn, event.data.describedOn) };
    case 'OrganisationLeft':
      return state.status === 'none' ? state : { ...state, status: 'left', leftOn: event.data.leftOn, lastStepOn: later(state.lastStepOn, event.data.leftOn) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initialState: initialOrganisationState,
};

/** The description as joining or describing stores it. */
function storedDescription(description: OrganisationDescription): OrganisationDescriptionData {
  return {
    name: description.name,
    sector: description.sector,
    namedInKkg: description.namedInKkg,
    tasks: description.tasks,
    mandates: description.mandates,
    roles: description.roles,
    resources: description.resources,
    limits: description.limits,
    contactPerson: description.contactPerson,
  };
}

function checkDescription(description: OrganisationDescription): void {
  if (!isSector(description.sector)) throw new UnknownSector(description.sector);
}

function notBefore(date: IsoDate, earliest: IsoDate): void {
  if (date < earliest) throw new OrganisationDateTooEarly(date, earliest);
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

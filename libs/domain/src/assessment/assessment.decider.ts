import { itemsOf } from '../catalogues/quality-framework';
import { Decider, IsoDate } from '../domain-event';
import { CycleNotFound } from '../network/network.errors';
import { AssessmentCommand, OpenAssessment, SubmitRatings } from './assessment.commands';
import {
  AssessmentAlreadyOpened,
  AssessmentClosedAlready,
  AssessmentDateOutOfOrder,
  AssessmentNotClosed,
  AssessmentNotFound,
  CycleNotOpenForAssessment,
  InvalidDimensions,
  InvalidRaters,
  InvalidRatings,
  ItemAlreadyPrioritised,
  NotARater,
  UnknownFrameworkVersion,
  UnknownItems,
} from './assessment.errors';
import {
  AssessmentClosedData,
  AssessmentEvent,
  assessmentEventRegistry,
  AssessmentItemPrioritisedData,
  AssessmentOpenedData,
  RatingsSubmittedData,
} from './assessment.contract';

export type AssessmentState =
  | { status: 'none' }
  | {
      status: 'open' | 'closed';
      networkId: string;
      cycleId: string;
      raters: string[];
      itemKeys: string[];
      openedOn: IsoDate;
      /** The date of the latest rating; a round closes on or after it. */
      lastRatedOn: IsoDate | null;
      closedOn: IsoDate | null;
      priorities: string[];
    };

export const initialAssessmentState: AssessmentState = { status: 'none' };

export function decideAssessment(command: AssessmentCommand, state: AssessmentState): AssessmentEvent[] {
  if (command.type === 'OpenAssessment') {
    if (state.status !== 'none') throw new AssessmentAlreadyOpened(command.assessmentId);
    const items = checkOpening(command);
    const { data } = command;
    const opened: AssessmentOpenedData = {
      networkId: data.networkId,
      cycleId: data.cycleId,
      frameworkId: data.frameworkId,
      frameworkVersion: data.frameworkVersion,
      dimensionKeys: data.dimensionKeys,
      raters: data.raters,
      visibility: data.visibility,
      openedOn: data.openedOn,
      items,
    };
    return [{ type: 'AssessmentOpened', schemaVersion: assessmentEventRegistry.AssessmentOpened.version, data: opened }];
  }
  if (state.status === 'none') throw new AssessmentNotFound(command.assessmentId);

  switch (command.type) {
    case 'SubmitRatings': {
      const { raterId, ratings, ratedOn } = command.data;
      if (state.status === 'closed') throw new AssessmentClosedAlready(command.assessmentId, state.closedOn ?? '');
      if (!state.raters.includes(raterId)) throw new NotARater(command.assessmentId, raterId);
      notBefore(ratedOn, state.openedOn);
      checkRatings(command, state.itemKeys);
      const submitted: RatingsSubmittedData = { raterId, ratings, ratedOn };
      return [{ type: 'RatingsSubmitted', schemaVersion: assessmentEventRegistry.RatingsSubmitted.version, data: submitted }];
    }
    case 'CloseAssessment': {
      const { closedOn } = command.data;
      if (state.status === 'closed') throw new AssessmentClosedAlready(command.assessmentId, state.closedOn ?? '');
      notBefore(closedOn, state.lastRatedOn ?? state.openedOn);
      const closed: AssessmentClosedData = { closedOn };
      return [{ type: 'AssessmentClosed', schemaVersion: assessmentEventRegistry.AssessmentClosed.version, data: closed }];
    }
    case 'PrioritiseItem': {
      const { itemKey, prioritisedOn, note } = command.data;
      if (state.status !== 'closed') throw new AssessmentNotClosed(command.assessmentId);
      if (!state.itemKeys.includes(itemKey)) throw new UnknownItems([itemKey]);
      if (state.priorities.includes(itemKey)) throw new ItemAlreadyPrioritised(itemKey);
      notBefore(prioritisedOn, state.closedOn ?? state.openedOn);
      const prioritised: AssessmentItemPrioritisedData = { itemKey, prioritisedOn, note };
      return [{ type: 'AssessmentItemPrioritised', schemaVersion: assessmentEventRegistry.AssessmentItemPrioritised.version, data: prioritised }];
    }
  }
}

export function evolveAssessment(state: AssessmentState, event: AssessmentEvent): AssessmentState {
  if (event.type === 'AssessmentOpened') {
    const { networkId, cycleId, raters, items, openedOn } = event.data;
    return { status: 'open', networkId, cycleId, raters, itemKeys: items.map((item) => item.key), openedOn, lastRatedOn: null, closedOn: null, priorities: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'RatingsSubmitted': {
      const { ratedOn } = event.data;
      return { ...state, lastRatedOn: state.lastRatedOn && state.lastRatedOn > ratedOn ? state.lastRatedOn : ratedOn };
    }
    case 'AssessmentClosed':
      return { ...state, status: 'closed', closedOn: event.data.closedOn };
    case 'AssessmentItemPrioritised':
      return { ...state, priorities: [...state.priorities, event.data.itemKey] };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const assessmentDecider: Decider<AssessmentCommand, AssessmentEvent, AssessmentState> = {
  decide: decideAssessment,
  evolve: evolveAssessment,
  initialState: initialAssessmentState,
};

/** Checks the opening and returns the round's items: the development goals of the chosen dimensions. */
function checkOpening({ data, facts }: OpenAssessment) {
  const { cycle, framework } = facts;
  if (!cycle || cycle.networkId !== data.networkId) throw new CycleNotFound(data.cycleId);
  if (cycle.status !== 'open') throw new CycleNotOpenForAssessment(data.cycleId);
  if (!framework) throw new UnknownFrameworkVersion(data.frameworkId, data.frameworkVersion);

  if (data.dimensionKeys.length === 0) throw new InvalidDimensions('none');
  const repeatedDimensions = repeated(data.dimensionKeys);
  if (repeatedDimensions.length > 0) throw new InvalidDimensions('repeated', repeatedDimensions);
  const unknown = data.dimensionKeys.filter((key) => !framework.dimensions.some((dimension) => dimension.key === key));
  if (unknown.length > 0) throw new InvalidDimensions('unknown', unknown);
  const empty = data.dimensionKeys.filter((key) => itemsOf(framework, [key]).length === 0);
  if (empty.length > 0) throw new InvalidDimensions('without_goals', empty);

  if (data.raters.length === 0) throw new InvalidRaters('none');
  const repeatedRaters = repeated(data.raters);
  if (repeatedRaters.length > 0) throw new InvalidRaters('repeated', repeatedRaters);
  const withoutRole = data.raters.filter((userId) => !facts.peopleWithRole.includes(userId));
  if (withoutRole.length > 0) throw new InvalidRaters('without_role', withoutRole);

  return itemsOf(framework, data.dimensionKeys);
}

function checkRatings({ data }: SubmitRatings, itemKeys: string[]): void {
  const keys = data.ratings.map((rating) => rating.itemKey);
  if (keys.length === 0) throw new InvalidRatings('none');
  const twice = repeated(keys);
  if (twice.length > 0) throw new InvalidRatings('repeated', twice);
  const unknown = keys.filter((key) => !itemKeys.includes(key));
  if (unknown.length > 0) throw new UnknownItems(unknown);
}

function repeated(values: string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

function notBefore(date: IsoDate, earliest: IsoDate): void {
  if (date < earliest) throw new AssessmentDateOutOfOrder(date, earliest);
}

import { goalEventRegistry, GoalConcretisedData, GoalDefinedData, GoalReorientedData, GoalReviewedData, MeasurementRecordedData } from './goal.contract';
import { isQualityGoalKey } from '../catalogues/quality-goals';
import { checkDecision } from '../decision-reference';
import { Decider, IsoDate } from '../domain-event';
import { CycleNotFound } from '../network/network.errors';
import { ConcretiseGoal, DefineGoal, GoalContent, GoalLevel, GoalStatus, GoalCommand, Indicator, ReorientGoal } from './goal.commands';
import {
  CycleNotOpenForGoals,
  DateBeforeDefinition,
  DuplicateIndicator,
  GoalAlreadyDefined,
  GoalNotActive,
  GoalNotFound,
  GoalNotOperational,
  InvalidIndicator,
  InvalidMeasure,
  InvalidParentGoal,
  InvalidPrinciples,
  InvalidReorientation,
  InvalidSourceItem,
  ReviewRequiredBeforeReorientation,
  UnknownIndicator,
  UnknownQualityGoal,
} from './goal.errors';
import { GoalEvent } from './goal.events';

export type GoalState =
  | { status: 'none' }
  | {
      status: GoalStatus;
      networkId: string;
      cycleId: string;
      level: GoalLevel;
      definedOn: IsoDate;
      indicatorKeys: string[];
      reviewedSinceReorientation: boolean;
      lastReviewOn: IsoDate | null;
      lastReorientedOn: IsoDate | null;
    };

export const initialGoalState: GoalState = { status: 'none' };

export function decideGoal(command: GoalCommand, state: GoalState): GoalEvent[] {
  if (command.type === 'DefineGoal') {
    if (state.status !== 'none') throw new GoalAlreadyDefined(command.goalId);
    checkDefinition(command);
    checkSourceItem(command);
    const d = command.data;
    const data: GoalDefinedData = {
      networkId: d.networkId,
      cycleId: d.cycleId,
      level: d.level,
      parentGoalId: d.parentGoalId,
      title: d.title,
      description: d.description,
      qualityGoals: d.qualityGoals,
      lifePhase: d.lifePhase,
      district: d.district,
      reviewIntervalDays: d.reviewIntervalDays,
      definedOn: d.definedOn,
      replacesGoalId: d.replacesGoalId,
      decisionId: d.decisionId,
      principleKeys: d.principleKeys,
      sourceItem: command.sourceItem?.ref ?? null,
    };
    return [{ type: 'GoalDefined', schemaVersion: goalEventRegistry.GoalDefined.version, data }];
  }
  if (state.status === 'none') throw new GoalNotFound(command.goalId);
  if (state.status !== 'active') throw new GoalNotActive(command.goalId, state.status);

  switch (command.type) {
    case 'ConcretiseGoal':
      if (state.level !== 'operational') throw new GoalNotOperational(command.goalId);
      notBefore(command.data.concretisedOn, state.definedOn);
      checkConcretisation(command, state.indicatorKeys);
      {
      const { indicators, measures, concretisedOn } = command.data;
      const data: GoalConcretisedData = { indicators, measures, concretisedOn };
      return [{ type: 'GoalConcretised', schemaVersion: goalEventRegistry.GoalConcretised.version, data }];
    }
    case 'RecordMeasurement':
      if (!state.indicatorKeys.includes(command.data.indicatorKey)) throw new UnknownIndicator(command.data.indicatorKey);
      notBefore(command.data.measuredOn, state.definedOn);
      {
      const { indicatorKey, value, measuredOn, source } = command.data;
      const data: MeasurementRecordedData = { indicatorKey, value, measuredOn, source };
      return [{ type: 'MeasurementRecorded', schemaVersion: goalEventRegistry.MeasurementRecorded.version, data }];
    }
    case 'ReviewGoal':
      notBefore(command.data.reviewedOn, state.definedOn);
      checkDecision(command.data.decisionId, command.facts.decision, { networkId: state.networkId, subject: 'goal_review', actOn: command.data.reviewedOn });
      {
      const { reviewedOn, assessment, evidence, decisionId } = command.data;
      const data: GoalReviewedData = { reviewedOn, assessment, evidence, decisionId };
      return [{ type: 'GoalReviewed', schemaVersion: goalEventRegistry.GoalReviewed.version, data }];
    }
    case 'ReorientGoal':
      if (!state.reviewedSinceReorientation) throw new ReviewRequiredBeforeReorientation(command.goalId);
      notBefore(command.data.reorientedOn, state.lastReviewOn ?? state.definedOn);
      checkReorientation(command);
      checkDecision(command.data.decisionId, command.facts.decision, { networkId: state.networkId, subject: 'goal_reorientation', actOn: command.data.reorientedOn });
      {
      const { decision, rationale, reorientedOn, changes, replacementGoalId, decisionId } = command.data;
      const data: GoalReorientedData = { decision, rationale, reorientedOn, changes, replacementGoalId, decisionId };
      return [{ type: 'GoalReoriented', schemaVersion: goalEventRegistry.GoalReoriented.version, data }];
    }
  }
}

export function evolveGoal(state: GoalState, event: GoalEvent): GoalState {
  if (event.type === 'GoalDefined') {
    const { data } = event;
    return {
      status: 'active',
      networkId: data.networkId,
      cycleId: data.cycleId,
      level: data.level,
      definedOn: data.definedOn,
      indicatorKeys: [],
      reviewedSinceReorientation: false,
      lastReviewOn: null,
      lastReorientedOn: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'GoalConcretised':
      return { ...state, indicatorKeys: [...state.indicatorKeys, ...event.data.indicators.map((indicator) => indicator.key)] };
    case 'MeasurementRecorded':
      return state;
    case 'GoalReviewed':
      return { ...state, reviewedSinceReorientation: true, lastReviewOn: event.data.reviewedOn };
    case 'GoalReoriented':
      return { ...state, reviewedSinceReorientation: false, lastReorientedOn: event.data.reorientedOn, status: statusAfter(event.data.decision, state.status) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const goalDecider: Decider<GoalCommand, GoalEvent, GoalState> = {
  decide: decideGoal,
  evolve: evolveGoal,
  initialState: initialGoalState,
};

function statusAfter(decision: ReorientGoal['data']['decision'], current: GoalStatus): GoalStatus {
  if (decision === 'retire') return 'retired';
  if (decision === 'replace') return 'replaced';
  return current;
}

function checkDefinition({ goalId, data, facts }: DefineGoal): void {
  const { cycle, parent } = facts;
  // Another network's cycle, goal or decision answers as one that does not exist: its existence is not disclosed.
  if (!cycle || cycle.networkId !== data.networkId) throw new CycleNotFound(data.cycleId);
  if (cycle.status !== 'open') throw new CycleNotOpenForGoals(data.cycleId);
  checkContent(data);
  checkPrinciples(data, facts.principlesInForce);
  checkDecision(data.decisionId, facts.decision, { networkId: data.networkId, subject: 'goal_definition', actOn: data.definedOn });
  if (data.level === 'strategic' && data.parentGoalId) {
    throw new InvalidParentGoal('A strategic goal stands directly under the Leitbild and has no parent goal', { goalId });
  }
  if (data.level === 'operational') {
    if (!data.parentGoalId) {
      throw new InvalidParentGoal('An operational goal needs an existing strategic parent goal', { parentGoalId: data.parentGoalId });
    }
    if (!parent || parent.networkId !== data.networkId) throw new GoalNotFound(data.parentGoalId);
    if (parent.level !== 'strategic') {
      throw new InvalidParentGoal('The parent of an operational goal must be a strategic goal', { parentGoalId: data.parentGoalId });
    }
    if (parent.status !== 'active') {
      throw new InvalidParentGoal(`The parent goal is ${parent.status}`, { parentGoalId: data.parentGoalId });
    }
  }
}

/** A goal derived from a self-assessment round turns a priority of that round into a goal of the round's network and cycle. */
function checkSourceItem({ data, sourceItem }: DefineGoal): void {
  if (!sourceItem) return;
  const { ref, fact } = sourceItem;
  if (!fact) throw new InvalidSourceItem('unknown_assessment', { ...ref });
  if (fact.networkId !== data.networkId) throw new InvalidSourceItem('other_network', { ...ref });
  if (fact.cycleId !== data.cycleId) throw new InvalidSourceItem('other_cycle', { ...ref, cycleId: fact.cycleId });
  if (!fact.hasItem) throw new InvalidSourceItem('unknown_item', { ...ref });
  if (!fact.prioritised) throw new InvalidSourceItem('not_a_priority', { ...ref });
}

/** Strategic goals may cite the guiding principles of the Leitbild in force, and only those. */
function checkPrinciples(data: DefineGoal['data'], inForce: string[] | null): void {
  if (data.principleKeys.length === 0) return;
  if (data.level !== 'strategic') throw new InvalidPrinciples('Only a strategic goal cites guiding principles of the Leitbild');
  if (inForce === null) throw new InvalidPrinciples('The network has no Leitbild in force whose principles a goal could cite');
  const unknown = data.principleKeys.filter((key) => !inForce.includes(key));
  if (unknown.length > 0) throw new InvalidPrinciples(`The Leitbild in force has no principle ${unknown.join(', ')}`, { unknown, inForce });
}

function checkContent(content: Partial<GoalContent>): void {
  const unknown = (content.qualityGoals ?? []).filter((key) => !isQualityGoalKey(key));
  if (unknown.length > 0) throw new UnknownQualityGoal(unknown);
}

function checkConcretisation(command: ConcretiseGoal, existingKeys: string[]): void {
  const seen = new Set(existingKeys);
  for (const indicator of command.data.indicators) {
    if (seen.has(indicator.key)) throw new DuplicateIndicator(indicator.key);
    seen.add(indicator.key);
    checkIndicator(indicator);
  }
  for (const measure of command.data.measures) {
    if (measure.endsOn < measure.startsOn) throw new InvalidMeasure(measure.title, 'it ends before it starts');
  }
}

function checkIndicator(indicator: Indicator): void {
  const { key, baseline, target, direction } = indicator;
  if (direction === 'increase' && !(target > baseline)) {
    throw new InvalidIndicator(key, `to increase, the target (${target}) must lie above the baseline (${baseline})`);
  }
  if (direction === 'decrease' && !(target < baseline)) {
    throw new InvalidIndicator(key, `to decrease, the target (${target}) must lie below the baseline (${baseline})`);
  }
}

function checkReorientation({ data }: ReorientGoal): void {
  if (data.rationale.trim() === '') throw new InvalidReorientation('A reorientation needs a rationale');
  const changes = data.changes ?? {};
  if (data.decision === 'adjust') {
    if (Object.keys(changes).length === 0) throw new InvalidReorientation('An adjustment names at least one changed field');
    checkContent(changes);
  } else if (Object.keys(changes).length > 0) {
    throw new InvalidReorientation(`Only an adjustment changes fields, not "${data.decision}"`);
  }
  if (data.decision === 'replace' && !data.replacementGoalId) {
    throw new InvalidReorientation('A replacement names the goal that replaces this one');
  }
  if (data.decision !== 'replace' && data.replacementGoalId) {
    throw new InvalidReorientation(`Only a replacement names a new goal, not "${data.decision}"`);
  }
}

function notBefore(date: IsoDate, earliest: IsoDate): void {
  if (date < earliest) throw new DateBeforeDefinition(date, earliest);
}

import { DecisionFact } from '../catalogues/decision-subjects';
import { DecisionDoesNotFit, DecisionNotFound } from '../decision-reference';
import { CycleNotFound } from '../network/network.errors';
import { specify } from '../testing/decider-specification';
import { DefineGoal, DefinitionFacts, GoalCommand, GoalDefinition, Indicator, ReorientGoal, SourceItemFact } from './goal.commands';
import { goalDecider } from './goal.decider';
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
import { GoalConcretised, GoalDefined, GoalReoriented, GoalReviewed } from './goal.events';

const networkId = 'n0000000-0000-4000-8000-000000000001';
const cycleId = 'c0000000-0000-4000-8000-000000000001';
const strategicId = 'g0000000-0000-4000-8000-000000000001';
const goalId = 'g0000000-0000-4000-8000-000000000002';

const definition: GoalDefinition = {
  networkId,
  cycleId,
  level: 'operational',
  parentGoalId: strategicId,
  title: 'Elternbeteiligung stärken',
  description: 'Mehr Eltern wirken in den Familienzentren mit.',
  qualityGoals: ['participation', 'strengthen_parents_children'],
  lifePhase: 'age_3_6',
  district: 'Tönisvorst',
  reviewIntervalDays: 90,
  definedOn: '2026-03-10',
  replacesGoalId: null,
  decisionId: null,
  principleKeys: [],
};
const openCycle: DefinitionFacts['cycle'] = { networkId, status: 'open' };
const activeStrategicParent: DefinitionFacts['parent'] = { networkId, level: 'strategic', status: 'active' };
const define = (data: Partial<GoalDefinition> = {}, facts: Partial<DefinitionFacts> = {}): DefineGoal => ({
  type: 'DefineGoal',
  goalId,
  data: { ...definition, ...data },
  facts: { cycle: openCycle, parent: activeStrategicParent, decision: null, principlesInForce: ['P1', 'P2'], ...facts },
});

const indicator: Indicator = {
  key: 'parents_active',
  name: 'Aktive Eltern in Gremien',
  unit: 'Personen',
  baseline: 4,
  target: 12,
  direction: 'increase',
  dueOn: '2026-12-31',
  impactLevel: 'outcome',
};
const measure = {
  measureId: 'm1',
  title: 'Elterncafé',
  responsibleOrganisation: 'Familienzentrum Tönisvorst',
  startsOn: '2026-04-01',
  endsOn: '2026-12-31',
};

const defined: GoalDefined = { type: 'GoalDefined', schemaVersion: 3, data: { ...definition, sourceItem: null } };
const concretised: GoalConcretised = {
  type: 'GoalConcretised',
  schemaVersion: 1,
  data: { indicators: [indicator], measures: [measure], concretisedOn: '2026-04-01' },
};
const reviewed: GoalReviewed = {
  type: 'GoalReviewed',
  schemaVersion: 2,
  data: { reviewedOn: '2026-06-10', assessment: 'at_risk', evidence: 'Nur 5 Eltern aktiv', decisionId: null },
};
const reorientation = (data: Partial<ReorientGoal['data']> = {}, decision: DecisionFact | null = null): ReorientGoal => ({
  type: 'ReorientGoal',
  goalId,
  data: { decision: 'continue', rationale: 'Wir bleiben dran.', reorientedOn: '2026-06-20', changes: null, replacementGoalId: null, decisionId: null, ...data },
  facts: { decision },
});
const reoriented = (data: Partial<ReorientGoal['data']> = {}): GoalReoriented => ({
  type: 'GoalReoriented',
  schemaVersion: 2,
  data: reorientation(data).data,
});

const review = (reviewedOn = '2026-06-10', decisionId: string | null = null, decision: DecisionFact | null = null): GoalCommand => ({
  type: 'ReviewGoal',
  goalId,
  data: { reviewedOn, assessment: 'at_risk', evidence: 'Nur 5 Eltern aktiv', decisionId },
  facts: { decision },
});
const measurement = (indicatorKey = 'parents_active', measuredOn = '2026-05-01'): GoalCommand => ({
  type: 'RecordMeasurement',
  goalId,
  data: { indicatorKey, value: 6, measuredOn, source: 'Anwesenheitslisten' },
});
const concretise = (data: Partial<GoalConcretised['data']> = {}): GoalCommand => ({
  type: 'ConcretiseGoal',
  goalId,
  data: { ...concretised.data, ...data },
});

const goal = specify(goalDecider);

describe('goal decider', () => {
  describe('define', () => {
    it('defines an operational goal under a strategic parent', () => {
      goal.given().when(define()).then([defined]);
    });

    it('defines a strategic goal without a parent', () => {
      const strategic = { level: 'strategic' as const, parentGoalId: null };
      goal
        .given()
        .when(define(strategic, { parent: null }))
        .then([{ ...defined, data: { ...definition, ...strategic, sourceItem: null } }]);
    });

    it('refuses to define a goal twice', () => {
      goal.given(defined).when(define()).thenThrows(GoalAlreadyDefined, 'goal.already_defined');
    });

    it('refuses a cycle that does not exist, is closed or belongs to another network', () => {
      goal.given().when(define({}, { cycle: null })).thenThrows(CycleNotFound, 'cycle.not_found');
      goal.given().when(define({}, { cycle: { networkId, status: 'closed' } })).thenThrows(CycleNotOpenForGoals, 'goal.cycle_not_open');
      goal.given().when(define({}, { cycle: { networkId: 'other', status: 'open' } })).thenThrows(CycleNotFound);
    });

    it('refuses an operational goal without a strategic parent in the same network', () => {
      goal.given().when(define({ parentGoalId: null }, { parent: null })).thenThrows(InvalidParentGoal, 'goal.invalid_parent');
      goal.given().when(define({}, { parent: null })).thenThrows(GoalNotFound, 'goal.not_found');
      goal.given().when(define({}, { parent: { ...activeStrategicParent!, networkId: 'other' } })).thenThrows(GoalNotFound);
      goal.given().when(define({}, { parent: { ...activeStrategicParent!, level: 'operational' } })).thenThrows(InvalidParentGoal);
      goal.given().when(define({}, { parent: { ...activeStrategicParent!, status: 'retired' } })).thenThrows(InvalidParentGoal);
    });

    it('refuses a strategic goal with a parent', () => {
      goal.given().when(define({ level: 'strategic' })).thenThrows(InvalidParentGoal);
    });

    it('refuses quality goals outside the kinderstark catalogue', () => {
      goal.given().when(define({ qualityGoals: ['participation', 'world_peace'] })).thenThrows(UnknownQualityGoal, 'goal.unknown_quality_goal');
    });
  });

  describe('concretise', () => {
    it('adds indicators and measures', () => {
      goal.given(defined).when(concretise()).then([concretised]);
    });

    it('refuses a goal that does not exist', () => {
      goal.given().when(concretise()).thenThrows(GoalNotFound, 'goal.not_found');
    });

    it('refuses a strategic goal', () => {
      const strategic: GoalDefined = { ...defined, data: { ...definition, level: 'strategic', parentGoalId: null, sourceItem: null } };
      goal.given(strategic).when(concretise()).thenThrows(GoalNotOperational, 'goal.not_operational');
    });

    it('refuses an indicator key used before', () => {
      goal.given(defined, concretised).when(concretise({ measures: [] })).thenThrows(DuplicateIndicator, 'goal.duplicate_indicator');
      goal.given(defined).when(concretise({ indicators: [indicator, indicator] })).thenThrows(DuplicateIndicator);
    });

    it('refuses a target on the wrong side of the baseline', () => {
      goal.given(defined).when(concretise({ indicators: [{ ...indicator, target: 3 }] })).thenThrows(InvalidIndicator, 'goal.invalid_indicator');
      goal.given(defined).when(concretise({ indicators: [{ ...indicator, direction: 'decrease' }] })).thenThrows(InvalidIndicator);
    });

    it('refuses a measure that ends before it starts', () => {
      goal.given(defined).when(concretise({ measures: [{ ...measure, endsOn: '2026-03-01' }] })).thenThrows(InvalidMeasure, 'goal.invalid_measure');
    });

    it('refuses a concretisation dated before the definition', () => {
      goal.given(defined).when(concretise({ concretisedOn: '2026-01-01' })).thenThrows(DateBeforeDefinition, 'goal.date_before_definition');
    });
  });

  describe('measure', () => {
    it('records a measurement of a defined indicator', () => {
      goal
        .given(defined, concretised)
        .when(measurement())
        .then([{ type: 'MeasurementRecorded', schemaVersion: 1, data: { indicatorKey: 'parents_active', value: 6, measuredOn: '2026-05-01', source: 'Anwesenheitslisten' } }]);
    });

    it('refuses an indicator the goal does not have', () => {
      goal.given(defined, concretised).when(measurement('unknown')).thenThrows(UnknownIndicator, 'goal.unknown_indicator');
    });

    it('refuses a measurement dated before the definition', () => {
      goal.given(defined, concretised).when(measurement('parents_active', '2025-01-01')).thenThrows(DateBeforeDefinition);
    });
  });

  describe('review', () => {
    it('reviews a goal with an assessment and evidence', () => {
      goal.given(defined).when(review()).then([reviewed]);
    });

    it('refuses a review dated before the definition', () => {
      goal.given(defined).when(review('2026-01-01')).thenThrows(DateBeforeDefinition);
    });
  });

  describe('reorient', () => {
    it('continues a reviewed goal', () => {
      goal.given(defined, reviewed).when(reorientation()).then([reoriented()]);
    });

    it('refuses a reorientation without a review since the last one', () => {
      goal.given(defined).when(reorientation()).thenThrows(ReviewRequiredBeforeReorientation, 'goal.review_required');
      goal.given(defined, reviewed, reoriented()).when(reorientation()).thenThrows(ReviewRequiredBeforeReorientation);
    });

    it('accepts the next reorientation after the next review', () => {
      goal.given(defined, reviewed, reoriented(), reviewed).when(reorientation()).then([reoriented()]);
    });

    it('refuses a reorientation without a rationale', () => {
      goal.given(defined, reviewed).when(reorientation({ rationale: '  ' })).thenThrows(InvalidReorientation, 'goal.invalid_reorientation');
    });

    it('adjusts the named fields', () => {
      const adjust = { decision: 'adjust' as const, changes: { title: 'Elternbeteiligung verankern', reviewIntervalDays: 60 } };
      goal.given(defined, reviewed).when(reorientation(adjust)).then([reoriented(adjust)]);
    });

    it('refuses an adjustment without changes, and changes with another decision', () => {
      goal.given(defined, reviewed).when(reorientation({ decision: 'adjust' })).thenThrows(InvalidReorientation);
      goal.given(defined, reviewed).when(reorientation({ changes: { title: 'x' } })).thenThrows(InvalidReorientation);
    });

    it('refuses an adjustment to an unknown quality goal', () => {
      goal
        .given(defined, reviewed)
        .when(reorientation({ decision: 'adjust', changes: { qualityGoals: ['nope'] } }))
        .thenThrows(UnknownQualityGoal);
    });

    it('refuses a replacement without the new goal, and a new goal with another decision', () => {
      goal.given(defined, reviewed).when(reorientation({ decision: 'replace' })).thenThrows(InvalidReorientation);
      goal.given(defined, reviewed).when(reorientation({ replacementGoalId: 'g2' })).thenThrows(InvalidReorientation);
    });

    it('refuses a reorientation dated before the last review', () => {
      goal.given(defined, reviewed).when(reorientation({ reorientedOn: '2026-06-01' })).thenThrows(DateBeforeDefinition);
    });

    it('accepts no more commands once a goal is retired or replaced', () => {
      const retired = reoriented({ decision: 'retire' });
      const replaced = reoriented({ decision: 'replace', replacementGoalId: 'g2' });
      goal.given(defined, reviewed, retired).when(review('2026-07-01')).thenThrows(GoalNotActive, 'goal.not_active');
      goal.given(defined, concretised, reviewed, retired).when(measurement()).thenThrows(GoalNotActive);
      goal.given(defined, reviewed, retired).when(concretise({ indicators: [] })).thenThrows(GoalNotActive);
      goal.given(defined, reviewed, replaced).when(reorientation()).thenThrows(GoalNotActive);
    });
  });
  describe('decisions and principles', () => {
    const decisionId = 'd0000000-0000-4000-8000-000000000001';
    const decision = (subject: DecisionFact['subject'], decidedOn = '2026-03-10'): DecisionFact => ({ decisionId, networkId, subject, decidedOn });

    it('defines a goal on a decision of the network to define it', () => {
      goal
        .given()
        .when(define({ decisionId }, { decision: decision('goal_definition') }))
        .then([{ ...defined, data: { ...defined.data, decisionId } }]);
    });

    it('refuses a definition on a decision that is unknown, about something else, or taken later', () => {
      goal.given().when(define({ decisionId }, { decision: null })).thenThrows(DecisionNotFound, 'decision.not_found');
      goal.given().when(define({ decisionId }, { decision: { ...decision('goal_definition'), networkId: cycleId } })).thenThrows(DecisionNotFound);
      goal.given().when(define({ decisionId }, { decision: decision('goal_review') })).thenThrows(DecisionDoesNotFit, 'decision.does_not_fit');
      goal.given().when(define({ decisionId }, { decision: decision('goal_definition', '2026-03-11') })).thenThrows(DecisionDoesNotFit);
    });

    it('reviews and reorients on decisions of the right kind', () => {
      goal.given(defined).when(review('2026-06-10', decisionId, decision('goal_review', '2026-06-10'))).then([{ ...reviewed, data: { ...reviewed.data, decisionId } }]);
      goal.given(defined, reviewed).when(reorientation({ decisionId }, decision('goal_reorientation', '2026-06-20'))).then([reoriented({ decisionId })]);
    });

    it('refuses a review or reorientation on a decision about something else', () => {
      goal.given(defined).when(review('2026-06-10', decisionId, decision('goal_reorientation', '2026-06-10'))).thenThrows(DecisionDoesNotFit);
      goal.given(defined, reviewed).when(reorientation({ decisionId }, null)).thenThrows(DecisionNotFound);
    });

    it('lets a strategic goal cite principles of the Leitbild in force', () => {
      const strategic = { level: 'strategic' as const, parentGoalId: null, principleKeys: ['P1'] };
      goal
        .given()
        .when(define(strategic, { parent: null }))
        .then([{ ...defined, data: { ...definition, ...strategic, sourceItem: null } }]);
    });

    it('refuses principles on an operational goal, unknown principles, and principles without a Leitbild in force', () => {
      const strategic = { level: 'strategic' as const, parentGoalId: null };
      goal.given().when(define({ principleKeys: ['P1'] })).thenThrows(InvalidPrinciples, 'goal.invalid_principles');
      goal.given().when(define({ ...strategic, principleKeys: ['P9'] }, { parent: null })).thenThrows(InvalidPrinciples);
      goal.given().when(define({ ...strategic, principleKeys: ['P1'] }, { parent: null, principlesInForce: null })).thenThrows(InvalidPrinciples);
    });
  });

  describe('derived from a self-assessment round', () => {
    const ref = { assessmentId: 'a0000000-0000-4000-8000-000000000001', itemKey: 'network.goals.review_system' };
    const priority: SourceItemFact = { networkId, cycleId, hasItem: true, prioritised: true };
    const derive = (fact: SourceItemFact | null = priority): DefineGoal => ({ ...define(), sourceItem: { ref, fact } });

    it('records the item it came from', () => {
      goal.given().when(derive()).then([{ ...defined, data: { ...definition, sourceItem: ref } }]);
    });

    it('refuses an item of an unknown round, of another network or of another cycle', () => {
      goal.given().when(derive(null)).thenThrows(InvalidSourceItem, 'goal.invalid_source_item');
      goal.given().when(derive({ ...priority, networkId: 'n0000000-0000-4000-8000-000000000009' })).thenThrows(InvalidSourceItem);
      goal.given().when(derive({ ...priority, cycleId: 'c0000000-0000-4000-8000-000000000009' })).thenThrows(InvalidSourceItem);
    });

    it('refuses an item the round does not have, or one not marked as a priority', () => {
      goal.given().when(derive({ ...priority, hasItem: false, prioritised: false })).thenThrows(InvalidSourceItem);
      goal.given().when(derive({ ...priority, prioritised: false })).thenThrows(InvalidSourceItem);
    });

    it('checks the definition itself as for any goal', () => {
      goal.given().when({ ...derive(), facts: { ...derive().facts, cycle: null } }).thenThrows(CycleNotFound);
    });
  });
});

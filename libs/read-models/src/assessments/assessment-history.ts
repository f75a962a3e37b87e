import {
  AssessmentCommand,
  AssessmentEvent,
  assessmentEventOccurredOn,
  AssessmentOpening,
  AssessmentState,
  decideAssessment,
  decideFramework,
  decideGoal,
  evolveAssessment,
  FrameworkContent,
  goalEventOccurredOn,
  GoalDefinition,
  initialAssessmentState,
  initialFrameworkState,
  initialGoalState,
  ItemRating,
  NZFH_FRAMEWORK_ID,
  NZFH_FRAMEWORK_V1,
} from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { Actor, coordinator } from '../testing/event-history';
import { EventRecorder } from '../testing/event-recorder';

/**
 * Self-assessment rounds of one network and cycle, decided by the real deciders, as the stored events a
 * projection reads. Every rater holds a role; the cycle is open; the framework is the shipped NZFH version 1.
 */
export class AssessmentHistory {
  private readonly recorder = new EventRecorder({ recordedFrom: '2026-02-01T08:00:00.000Z', firstCommit: 7000 });
  private readonly rounds = new Map<string, AssessmentState>();

  constructor(
    readonly networkId: string,
    readonly cycleId: string,
  ) {}

  open(assessmentId: string, data: Partial<AssessmentOpening> = {}): this {
    const opening: AssessmentOpening = {
      networkId: this.networkId,
      cycleId: this.cycleId,
      frameworkId: NZFH_FRAMEWORK_ID,
      frameworkVersion: 1,
      dimensionKeys: ['network'],
      raters: ['u-anna', 'u-ben', 'u-carla'],
      visibility: 'named',
      openedOn: '2026-02-01',
      ...data,
    };
    return this.decide(
      { type: 'OpenAssessment', assessmentId, data: opening, facts: { cycle: { networkId: this.networkId, status: 'open' }, framework: NZFH_FRAMEWORK_V1, peopleWithRole: opening.raters } },
      coordinator,
    );
  }

  /** The rater's ratings, submitted by the rater themselves. */
  rate(assessmentId: string, rater: Actor, ratings: Record<string, ItemRating['rating']>, ratedOn = '2026-02-05', comment = ''): this {
    const list = Object.entries(ratings).map(([itemKey, rating]) => ({ itemKey, rating, comment }));
    return this.decide({ type: 'SubmitRatings', assessmentId, data: { raterId: rater.userId, ratings: list, ratedOn } }, rater);
  }

  close(assessmentId: string, closedOn = '2026-02-20'): this {
    return this.decide({ type: 'CloseAssessment', assessmentId, data: { closedOn } }, coordinator);
  }

  prioritise(assessmentId: string, itemKey: string, prioritisedOn = '2026-02-25', note = 'Im Dialog vereinbart'): this {
    return this.decide({ type: 'PrioritiseItem', assessmentId, data: { itemKey, prioritisedOn, note } }, coordinator);
  }

  /** A strategic goal of the cycle defined from a priority of the round. */
  deriveGoal(goalId: string, assessmentId: string, itemKey: string, data: Partial<GoalDefinition> = {}): this {
    const round = this.rounds.get(assessmentId);
    const fact =
      round && round.status !== 'none'
        ? { networkId: round.networkId, cycleId: round.cycleId, hasItem: round.itemKeys.includes(itemKey), prioritised: round.priorities.includes(itemKey) }
        : null;
    const definition: GoalDefinition = {
      networkId: this.networkId,
      cycleId: this.cycleId,
      level: 'strategic',
      parentGoalId: null,
      title: 'Ziele regelmäßig gemeinsam überprüfen',
      description: '',
      qualityGoals: ['multiprofessional_cooperation'],
      lifePhase: null,
      district: null,
      reviewIntervalDays: 180,
      definedOn: '2026-03-01',
      replacesGoalId: null,
      decisionId: null,
      principleKeys: [],
      ...data,
    };
    const events = decideGoal(
      {
        type: 'DefineGoal',
        goalId,
        data: definition,
        facts: { cycle: { networkId: this.networkId, status: 'open' }, parent: null, decision: null, principlesInForce: null },
        sourceItem: { ref: { assessmentId, itemKey }, fact },
      },
      initialGoalState,
    );
    this.recorder.record(`goal-${goalId}`, events, { actor: coordinator, networkId: this.networkId, occurredOn: goalEventOccurredOn });
    return this;
  }

  /** An administrator's new version of a framework, as published events (framework events belong to no network). */
  publishFramework(frameworkId: string, content: FrameworkContent, publishedOn: string, latestShippedVersion = 1): this {
    const events = decideFramework({ type: 'PublishFrameworkVersion', frameworkId, data: { ...content, publishedOn }, facts: { latestShippedVersion } }, initialFrameworkState);
    this.recorder.record(`framework-${frameworkId}`, events, { actor: { userId: 'u-admin', role: 'admin' }, networkId: '', occurredOn: () => publishedOn });
    return this;
  }

  storedEvents(): StoredEvent[] {
    return this.recorder.storedEvents();
  }

  private decide(command: AssessmentCommand, actor: Actor): this {
    const state = this.rounds.get(command.assessmentId) ?? initialAssessmentState;
    const events: AssessmentEvent[] = decideAssessment(command, state);
    this.rounds.set(command.assessmentId, events.reduce(evolveAssessment, state));
    this.recorder.record(`assessment-${command.assessmentId}`, events, { actor, networkId: this.networkId, occurredOn: assessmentEventOccurredOn });
    return this;
  }
}

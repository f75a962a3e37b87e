import { randomUUID } from 'node:crypto';
import {
  Assessment,
  CyclePhase,
  decideGoal,
  decideNetwork,
  evolveGoal,
  evolveNetwork,
  GoalCommand,
  GoalDefinition,
  goalEventOccurredOn,
  GoalState,
  Indicator,
  initialGoalState,
  initialNetworkState,
  Measure,
  NetworkCommand,
  NetworkRole,
  networkEventOccurredOn,
  NetworkState,
  OpenCycle,
  principlesInForce,
  RegisterNetwork,
  ReorientGoal,
} from '@kreislauf/domain';
import { EventStore, StoredEvent } from '@kreislauf/event-store';
import { Actor, EventRecorder } from './event-recorder';

export type { Actor } from './event-recorder';

export const coordinator: Actor = { userId: 'user-anna-berger', displayName: 'Anna Berger', role: 'coordinator' };
export const steeringGroup: Actor = { userId: 'user-lenkungskreis', role: 'steering_group' };

/**
 * A history of networks and goals, decided by the real deciders so that every event is one the domain
 * would write. Each command becomes one append, in the order the commands were given.
 */
export class EventHistory {
  private readonly recorder = new EventRecorder();
  private readonly networks = new Map<string, NetworkState>();
  private readonly goals = new Map<string, GoalState>();
  private actor: Actor = coordinator;

  /** The commands that follow are given by this actor. */
  as(actor: Actor): this {
    this.actor = actor;
    return this;
  }

  registerNetwork(networkId: string, data: Partial<RegisterNetwork['data']> = {}): this {
    return this.network({
      type: 'RegisterNetwork',
      networkId,
      data: {
        name: 'Netzwerk Frühe Hilfen Kreis Viersen',
        region: 'Kreis Viersen',
        responsibleBody: 'Kreisjugendamt Viersen',
        municipalities: ['Brüggen', 'Grefrath', 'Tönisvorst'],
        programme: 'kinderstark – NRW schafft Chancen',
        registeredOn: '2016-01-01',
        ...data,
      },
    });
  }

  openCycle(networkId: string, cycleId: string, data: Partial<Omit<OpenCycle['data'], 'cycleId'>> = {}): this {
    return this.network({
      type: 'OpenCycle',
      networkId,
      data: { cycleId, title: 'Qualitätskreislauf 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-15', ...data },
    });
  }

  enterPhase(networkId: string, cycleId: string, phase: CyclePhase, enteredOn: string): this {
    return this.network({ type: 'EnterCyclePhase', networkId, data: { cycleId, phase, enteredOn } });
  }

  grantRole(networkId: string, userId: string, role: NetworkRole, grantedOn: string): this {
    return this.network({ type: 'GrantRole', networkId, data: { userId, role, grantedOn } });
  }

  revokeRole(networkId: string, userId: string, role: NetworkRole, revokedOn: string): this {
    return this.network({ type: 'RevokeRole', networkId, data: { userId, role, revokedOn } });
  }

  /** Closes the cycle with the builder's own goals as the facts: those of the network that are active. */
  closeCycle(networkId: string, cycleId: string, closedOn: string): this {
    const activeGoals = [...this.goals.entries()].flatMap(([goalId, goal]) =>
      goal.status === 'active' && goal.networkId === networkId ? [{ goalId, definedOn: goal.definedOn, lastReviewOn: goal.lastReviewOn, lastReorientedOn: goal.lastReorientedOn }] : [],
    );
    return this.network({ type: 'CloseCycle', networkId, data: { cycleId, closedOn }, facts: { activeGoals } });
  }

  /** Drafts a Leitbild version and adopts it on the same day, by a decision of the steering group taken that day. */
  adoptLeitbild(networkId: string, adoptedOn: string, principles = [{ key: 'P1', text: 'Alle Familien finden früh passende Unterstützung.' }]): this {
    this.network({ type: 'DraftLeitbild', networkId, data: { vision: 'Jedes Kind wächst gesund und geschützt auf.', principles, draftedOn: adoptedOn } });
    const network = this.networks.get(networkId);
    const version = network?.status === 'registered' ? network.leitbild.versions.length : 1;
    const decisionId = randomUUID();
    return this.network({
      type: 'AdoptLeitbild',
      networkId,
      data: { version, adoptedOn, decisionId },
      facts: { decision: { decisionId, networkId, subject: 'leitbild_adoption', decidedOn: adoptedOn } },
    });
  }

  defineGoal(goalId: string, data: Partial<GoalDefinition> & Pick<GoalDefinition, 'networkId' | 'cycleId'>): this {
    const definition: GoalDefinition = {
      level: data.parentGoalId ? 'operational' : 'strategic',
      parentGoalId: null,
      title: 'Frühe Hilfen für alle Familien erreichbar machen',
      description: 'Familien mit kleinen Kindern finden früh passende Unterstützung.',
      qualityGoals: ['outreach', 'equity'],
      lifePhase: null,
      district: null,
      reviewIntervalDays: 90,
      definedOn: '2026-03-10',
      replacesGoalId: null,
      decisionId: null,
      principleKeys: [],
      ...data,
    };
    const network = this.networks.get(definition.networkId);
    const cycle = network?.status === 'registered' ? network.cycles[definition.cycleId] : undefined;
    const parent = definition.parentGoalId ? this.goals.get(definition.parentGoalId) : undefined;
    return this.goal({
      type: 'DefineGoal',
      goalId,
      data: definition,
      facts: {
        cycle: cycle ? { networkId: definition.networkId, status: cycle.status } : null,
        parent: parent && parent.status !== 'none' ? { networkId: parent.networkId, level: parent.level, status: parent.status } : null,
        decision: null,
        principlesInForce: network ? principlesInForce(network) : null,
      },
    });
  }

  concretise(goalId: string, concretisedOn: string, indicators: Indicator[], measures: Measure[] = []): this {
    return this.goal({ type: 'ConcretiseGoal', goalId, data: { indicators, measures, concretisedOn } });
  }

  measure(goalId: string, indicatorKey: string, value: number, measuredOn: string, source = 'Jahresstatistik'): this {
    return this.goal({ type: 'RecordMeasurement', goalId, data: { indicatorKey, value, measuredOn, source } });
  }

  review(goalId: string, reviewedOn: string, assessment: Assessment, evidence = 'Bericht im Lenkungskreis'): this {
    return this.goal({ type: 'ReviewGoal', goalId, data: { reviewedOn, assessment, evidence, decisionId: null }, facts: { decision: null } });
  }

  reorient(goalId: string, data: Partial<ReorientGoal['data']> & Pick<ReorientGoal['data'], 'decision' | 'reorientedOn'>): this {
    return this.goal({
      type: 'ReorientGoal',
      goalId,
      data: { rationale: 'Ergebnis der Reflexion im Lenkungskreis', changes: null, replacementGoalId: null, decisionId: null, ...data },
      facts: { decision: null },
    });
  }

  get eventCount(): number {
    return this.recorder.eventCount();
  }

  get goalEventCount(): number {
    return this.recorder.eventCount('goal-');
  }

  /** Appends every command's events, each with the version its stream was at. */
  appendTo(store: EventStore): Promise<void> {
    return this.recorder.appendTo(store);
  }

  /** The events as readAll would return them after appendTo, without a store (positions are made up). */
  storedEvents(): StoredEvent[] {
    return this.recorder.storedEvents();
  }

  /** Any network command, decided as given. */
  network(command: NetworkCommand): this {
    const streamId = `network-${command.networkId}`;
    let state = this.networks.get(command.networkId) ?? initialNetworkState;
    const events = decideNetwork(command, state);
    for (const event of events) state = evolveNetwork(state, event);
    this.networks.set(command.networkId, state);
    this.recorder.record(streamId, events, { actor: this.actor, networkId: command.networkId, occurredOn: networkEventOccurredOn });
    return this;
  }

  private goal(command: GoalCommand): this {
    const streamId = `goal-${command.goalId}`;
    let state = this.goals.get(command.goalId) ?? initialGoalState;
    const events = decideGoal(command, state);
    for (const event of events) state = evolveGoal(state, event);
    this.goals.set(command.goalId, state);
    if (state.status === 'none') throw new Error(`goal ${command.goalId} is not defined`);
    const reason = command.type === 'ReorientGoal' ? command.data.rationale : undefined;
    this.recorder.record(streamId, events, { actor: this.actor, networkId: state.networkId, occurredOn: goalEventOccurredOn, reason: () => reason });
    return this;
  }
}

export const increase = (key: string, baseline: number, target: number, overrides: Partial<Indicator> = {}): Indicator => ({
  key,
  name: key,
  unit: 'Anzahl',
  baseline,
  target,
  direction: 'increase',
  dueOn: '2026-12-31',
  impactLevel: 'outcome',
  ...overrides,
});

export const decrease = (key: string, baseline: number, target: number, overrides: Partial<Indicator> = {}): Indicator => ({
  ...increase(key, baseline, target),
  direction: 'decrease',
  ...overrides,
});

export const measure = (title: string, startsOn = '2026-04-01', endsOn = '2026-12-31'): Measure => ({
  measureId: randomUUID(),
  title,
  responsibleOrganisation: 'Familienzentrum Tönisvorst',
  startsOn,
  endsOn,
});

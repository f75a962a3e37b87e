import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { NetworkNotFound } from '@kreislauf/domain';
import { averageProgress, CycleRow, GoalRow, NetworkRoleRow, NetworkRow } from '@kreislauf/read-models';
import { DataSource, EntityManager, LessThanOrEqual, Raw } from 'typeorm';
import { PastEvents } from '../past/past-events';
import { PastReadModels, ReadModelUse } from '../past/past-read-models';

/** What a network read uses of the read models. */
export const NETWORK_READ: ReadModelUse = { tables: ['rm_networks', 'rm_cycles'] };
/** What the cycle board and the reviews due use of the read models. */
export const BOARD_READ: ReadModelUse = { tables: ['rm_networks', 'rm_cycles', 'rm_goals'] };

export interface NetworkView extends Omit<NetworkRow, 'openCycleId'> {
  openCycleId: string | null;
  cycles: Omit<CycleRow, 'networkId'>[];
}

/** A network as it is now, or as the system knew it at `asOf` (record time). */
export class GetNetwork extends Query<NetworkView> {
  constructor(
    readonly networkId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

export interface BoardGoal {
  id: string;
  level: 'strategic' | 'operational';
  title: string;
  status: string;
  qualityGoals: string[];
  lifePhase: string | null;
  district: string | null;
  lastAssessment: string | null;
  lastReviewOn: string | null;
  nextReviewOn: string | null;
  progressPercent: number | null;
  children: BoardGoal[];
}

export interface CycleBoard {
  networkId: string;
  cycle: Omit<CycleRow, 'networkId'> | null;
  goals: BoardGoal[];
}

/** The board of one cycle: the open one unless another is named. */
export class GetCycleBoard extends Query<CycleBoard> {
  constructor(
    readonly networkId: string,
    readonly cycleId?: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

export interface DueReview {
  goalId: string;
  cycleId: string;
  level: string;
  title: string;
  nextReviewOn: string;
  lastReviewOn: string | null;
  lastAssessment: string | null;
}

export class GetReviewsDue extends Query<DueReview[]> {
  constructor(
    readonly networkId: string,
    readonly on: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

export class GetNetworkRoles extends Query<Omit<NetworkRoleRow, 'networkId'>[]> {
  constructor(readonly networkId: string) {
    super();
  }
}

@QueryHandler(GetNetwork)
export class GetNetworkHandler implements IQueryHandler<GetNetwork, NetworkView> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly past: PastReadModels,
    private readonly pastEvents: PastEvents,
  ) {}

  async execute({ networkId, asOf }: GetNetwork): Promise<NetworkView> {
    if (!asOf) return readNetwork(this.dataSource.manager, networkId);
    const events = await this.pastEvents.ofNetwork(networkId, { withGoals: false });
    return this.past.at(asOf, NETWORK_READ, events, (manager) => readNetwork(manager, networkId));
  }
}

async function readNetwork(manager: EntityManager, networkId: string): Promise<NetworkView> {
  const network = await manager.findOneBy(NetworkRow, { id: networkId });
  if (!network) throw new NetworkNotFound(networkId);
  const cycles = await manager.find(CycleRow, { where: { networkId }, order: { openedOn: 'ASC', id: 'ASC' } });
  return { ...network, cycles: cycles.map(withoutNetwork) };
}

@QueryHandler(GetCycleBoard)
export class GetCycleBoardHandler implements IQueryHandler<GetCycleBoard, CycleBoard> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly past: PastReadModels,
    private readonly pastEvents: PastEvents,
  ) {}

  async execute({ networkId, cycleId, asOf }: GetCycleBoard): Promise<CycleBoard> {
    if (!asOf) return readCycleBoard(this.dataSource.manager, networkId, cycleId);
    const events = await this.pastEvents.ofNetwork(networkId, { withGoals: true });
    return this.past.at(asOf, BOARD_READ, events, (manager) => readCycleBoard(manager, networkId, cycleId));
  }
}

async function readCycleBoard(manager: EntityManager, networkId: string, cycleId: string | undefined): Promise<CycleBoard> {
  const network = await manager.findOneBy(NetworkRow, { id: networkId });
  if (!network) throw new NetworkNotFound(networkId);
  const wanted = cycleId ?? network.openCycleId;
  const cycle = wanted
    ? await manager.findOneBy(CycleRow, { id: wanted, networkId })
    : await manager.findOne(CycleRow, { where: { networkId }, order: { openedOn: 'DESC' } });
  if (!cycle) return { networkId, cycle: null, goals: [] };
  // The goals defined in the cycle and those carried over into it.
  const inCycle = Raw((column) => `${column} @> :cycleIds::jsonb`, { cycleIds: JSON.stringify([cycle.id]) });
  const goals = await manager.find(GoalRow, { where: { networkId, cycleIds: inCycle }, order: { definedOn: 'ASC', title: 'ASC' } });
  return { networkId, cycle: withoutNetwork(cycle), goals: goalTree(goals) };
}

@QueryHandler(GetReviewsDue)
export class GetReviewsDueHandler implements IQueryHandler<GetReviewsDue, DueReview[]> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly past: PastReadModels,
    private readonly pastEvents: PastEvents,
  ) {}

  async execute({ networkId, on, asOf }: GetReviewsDue): Promise<DueReview[]> {
    if (!asOf) return readReviewsDue(this.dataSource.manager, networkId, on);
    const events = await this.pastEvents.ofNetwork(networkId, { withGoals: true });
    return this.past.at(asOf, BOARD_READ, events, (manager) => readReviewsDue(manager, networkId, on));
  }
}

async function readReviewsDue(manager: EntityManager, networkId: string, on: string): Promise<DueReview[]> {
  if (!(await manager.existsBy(NetworkRow, { id: networkId }))) throw new NetworkNotFound(networkId);
  const goals = await manager.find(GoalRow, {
    where: { networkId, status: 'active', nextReviewOn: LessThanOrEqual(on) },
    order: { nextReviewOn: 'ASC', title: 'ASC', id: 'ASC' },
  });
  return goals.map((goal) => ({
    goalId: goal.id,
    cycleId: goal.cycleId,
    level: goal.level,
    title: goal.title,
    nextReviewOn: goal.nextReviewOn!,
    lastReviewOn: goal.lastReviewOn,
    lastAssessment: goal.lastAssessment,
  }));
}

@QueryHandler(GetNetworkRoles)
export class GetNetworkRolesHandler implements IQueryHandler<GetNetworkRoles, Omit<NetworkRoleRow, 'networkId'>[]> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId }: GetNetworkRoles): Promise<Omit<NetworkRoleRow, 'networkId'>[]> {
    if (!(await this.dataSource.manager.existsBy(NetworkRow, { id: networkId }))) throw new NetworkNotFound(networkId);
    const rows = await this.dataSource.manager.find(NetworkRoleRow, { where: { networkId }, order: { userId: 'ASC', role: 'ASC' } });
    return rows.map(({ userId, role, grantedOn }) => ({ userId, role, grantedOn }));
  }
}

function withoutNetwork({ networkId: _networkId, ...cycle }: CycleRow): Omit<CycleRow, 'networkId'> {
  return cycle;
}

/** Strategic goals with their operational goals; a strategic goal's progress is the mean of its active children's. */
export function goalTree(goals: GoalRow[]): BoardGoal[] {
  const toBoardGoal = (goal: GoalRow, children: BoardGoal[]): BoardGoal => ({
    id: goal.id,
    level: goal.level,
    title: goal.title,
    status: goal.status,
    qualityGoals: goal.qualityGoals,
    lifePhase: goal.lifePhase,
    district: goal.district,
    lastAssessment: goal.lastAssessment,
    lastReviewOn: goal.lastReviewOn,
    nextReviewOn: goal.nextReviewOn,
    progressPercent: goal.level === 'strategic' ? averageProgress(children.filter((c) => c.status === 'active').map((c) => c.progressPercent)) : goal.progressPercent,
    children,
  });
  const childrenOf = new Map<string, BoardGoal[]>();
  for (const goal of goals.filter((candidate) => candidate.level === 'operational')) {
    const siblings = childrenOf.get(goal.parentGoalId ?? '') ?? [];
    siblings.push(toBoardGoal(goal, []));
    childrenOf.set(goal.parentGoalId ?? '', siblings);
  }
  const strategic = goals.filter((goal) => goal.level === 'strategic');
  const strategicIds = new Set(strategic.map((goal) => goal.id));
  // Operational goals whose parent lies in another cycle still show, at the top level.
  const orphans = [...childrenOf.entries()].filter(([parentId]) => !strategicIds.has(parentId)).flatMap(([, children]) => children);
  return [...strategic.map((goal) => toBoardGoal(goal, childrenOf.get(goal.id) ?? [])), ...orphans];
}

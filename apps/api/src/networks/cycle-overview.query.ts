import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { NetworkNotFound, REORIENTATION_DECISIONS } from '@kreislauf/domain';
import { CycleGoalRow, CycleRow, NetworkRow } from '@kreislauf/read-models';
import { DataSource, EntityManager } from 'typeorm';
import { PastEvents } from '../past/past-events';
import { PastReadModels, ReadModelUse } from '../past/past-read-models';

/** What the overview of cycles uses of the read models. */
export const CYCLE_OVERVIEW_READ: ReadModelUse = { tables: ['rm_networks', 'rm_cycles', 'rm_cycle_goals'] };

export interface CycleGoalView {
  goalId: string;
  level: string;
  title: string;
  origin: CycleGoalRow['origin'];
  /** The goal's status at the end of the cycle (or now, for the open cycle). */
  status: string;
  reviews: CycleGoalRow['reviews'];
  reorientations: CycleGoalRow['reorientations'];
}

export interface CycleOverview {
  cycle: Omit<CycleRow, 'networkId'>;
  /** Goals defined in the cycle (or as replacements in it). */
  planned: CycleGoalView[];
  /** Goals still active when the cycle before closed. */
  carriedOver: CycleGoalView[];
  summary: { goals: number; reviewed: number; reviews: number; reorientations: Record<string, number> };
}

/** The cycle board across cycles: what each cycle planned, reviewed and changed, oldest first; now or as known at `asOf`. */
export class GetCycleOverview extends Query<CycleOverview[]> {
  constructor(
    readonly networkId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetCycleOverview)
export class GetCycleOverviewHandler implements IQueryHandler<GetCycleOverview, CycleOverview[]> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly past: PastReadModels,
    private readonly pastEvents: PastEvents,
  ) {}

  async execute({ networkId, asOf }: GetCycleOverview): Promise<CycleOverview[]> {
    if (!asOf) return readCycleOverview(this.dataSource.manager, networkId);
    const events = await this.pastEvents.ofNetwork(networkId, { withGoals: true });
    return this.past.at(asOf, CYCLE_OVERVIEW_READ, events, (manager) => readCycleOverview(manager, networkId));
  }
}

async function readCycleOverview(manager: EntityManager, networkId: string): Promise<CycleOverview[]> {
  if (!(await manager.existsBy(NetworkRow, { id: networkId }))) throw new NetworkNotFound(networkId);
  const cycles = await manager.find(CycleRow, { where: { networkId }, order: { openedOn: 'ASC', id: 'ASC' } });
  const goals = await manager.find(CycleGoalRow, { where: { networkId }, order: { level: 'DESC', title: 'ASC' } });
  return cycles.map(({ networkId: _networkId, ...cycle }) => {
    const inCycle = goals.filter((goal) => goal.cycleId === cycle.id).map(view);
    const reorientations = Object.fromEntries(REORIENTATION_DECISIONS.map((decision) => [decision, 0]));
    for (const goal of inCycle) for (const { decision } of goal.reorientations) reorientations[decision] += 1;
    return {
      cycle,
      planned: inCycle.filter((goal) => goal.origin !== 'carried_over'),
      carriedOver: inCycle.filter((goal) => goal.origin === 'carried_over'),
      summary: {
        goals: inCycle.length,
        reviewed: inCycle.filter((goal) => goal.reviews.length > 0).length,
        reviews: inCycle.reduce((sum, goal) => sum + goal.reviews.length, 0),
        reorientations,
      },
    };
  });
}

function view(row: CycleGoalRow): CycleGoalView {
  const { goalId, level, title, origin, status, reviews, reorientations } = row;
  return { goalId, level, title, origin, status, reviews, reorientations };
}

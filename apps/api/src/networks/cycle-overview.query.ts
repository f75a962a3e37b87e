import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { NetworkNotFound, REORIENTATION_DECISIONS } from '@kreislauf/domain';
import { CycleGoalRow, CycleRow, NetworkRow } from '@kreislauf/read-models';
import { DataSource } from 'typeorm';

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

/** The cycle board across cycles: what each cycle planned, reviewed and changed, oldest first. */
export class GetCycleOverview extends Query<CycleOverview[]> {
  constructor(readonly networkId: string) {
    super();
  }
}

@QueryHandler(GetCycleOverview)
export class GetCycleOverviewHandler implements IQueryHandler<GetCycleOverview, CycleOverview[]> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId }: GetCycleOverview): Promise<CycleOverview[]> {
    const manager = this.dataSource.manager;
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
}

function view(row: CycleGoalRow): CycleGoalView {
  const { goalId, level, title, origin, status, reviews, reorientations } = row;
  return { goalId, level, title, origin, status, reviews, reorientations };
}

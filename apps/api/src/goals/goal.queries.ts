import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { GoalNotFound } from '@kreislauf/domain';
import { GoalHistoryRow, GoalRow } from '@kreislauf/read-models';
import { DataSource } from 'typeorm';
import { DecisionView, DecisionViews } from '../decisions/decision-views';

export class GetGoal extends Query<GoalRow> {
  constructor(readonly goalId: string) {
    super();
  }
}

export interface GoalHistoryEntry {
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: GoalHistoryRow['actor'];
  reason: string | null;
  correlationId: string;
  data: Record<string, unknown>;
  /** The body's decision the event rests on, with a sentence saying who decided when. */
  decision: DecisionView | null;
}

export class GetGoalHistory extends Query<GoalHistoryEntry[]> {
  constructor(readonly goalId: string) {
    super();
  }
}

@QueryHandler(GetGoal)
export class GetGoalHandler implements IQueryHandler<GetGoal, GoalRow> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ goalId }: GetGoal): Promise<GoalRow> {
    const goal = await this.dataSource.manager.findOneBy(GoalRow, { id: goalId });
    if (!goal) throw new GoalNotFound(goalId);
    return goal;
  }
}

@QueryHandler(GetGoalHistory)
export class GetGoalHistoryHandler implements IQueryHandler<GetGoalHistory, GoalHistoryEntry[]> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly decisions: DecisionViews,
  ) {}

  async execute({ goalId }: GetGoalHistory): Promise<GoalHistoryEntry[]> {
    const rows = await this.dataSource.manager.find(GoalHistoryRow, { where: { goalId }, order: { streamVersion: 'ASC' } });
    if (rows.length === 0) throw new GoalNotFound(goalId);
    const decisionOf = (row: GoalHistoryRow) => (typeof row.data.decisionId === 'string' ? row.data.decisionId : null);
    const decisions = await this.decisions.byIds(rows.map(decisionOf));
    return rows.map((row) => ({
      version: row.streamVersion,
      type: row.eventType,
      occurredAt: row.occurredAt,
      recordedAt: row.recordedAt.toISOString(),
      actor: row.actor,
      reason: row.reason,
      correlationId: row.correlationId,
      data: row.data,
      decision: decisions.get(decisionOf(row) ?? '') ?? null,
    }));
  }
}

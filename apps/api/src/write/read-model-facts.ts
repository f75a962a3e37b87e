import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActiveGoalFact, DecisionFact, DecisionSubject } from '@kreislauf/domain';
import { DecisionRow, GoalRow } from '@kreislauf/read-models';
import { APP_CONFIG, AppConfig, ReadModelPositions } from '@kreislauf/storage';
import { DataSource } from 'typeorm';
import { ReadModelsBehind } from './read-models-behind.error';

/**
 * Facts a decider needs from other streams that are found by a read model, not by a stream name: the
 * decision an act names, the goals a cycle closes with. Read once the read models have caught up with
 * every event written so far, so a decision recorded or a goal reviewed a moment ago counts.
 */
@Injectable()
export class ReadModelFacts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly positions: ReadModelPositions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async decision(decisionId: string | null): Promise<DecisionFact | null> {
    if (decisionId === null) return null;
    const find = () => this.dataSource.manager.findOneBy(DecisionRow, { id: decisionId });
    const row = (await find()) ?? ((await this.positions.waitForHead(this.config.READ_YOUR_WRITES_TIMEOUT_MS)) ? await find() : null);
    return row ? { decisionId: row.id, networkId: row.networkId, subject: row.subject as DecisionSubject, decidedOn: row.decidedOn } : null;
  }

  /** Every active goal of the network with the dates of its latest review and reorientation. */
  async activeGoals(networkId: string): Promise<ActiveGoalFact[]> {
    await this.caughtUp();
    const goals = await this.dataSource.manager.findBy(GoalRow, { networkId, status: 'active' });
    return goals.map((goal) => ({
      goalId: goal.id,
      definedOn: goal.definedOn,
      lastReviewOn: goal.lastReviewOn,
      lastReorientedOn: goal.reorientations.reduce<string | null>((latest, { reorientedOn }) => (latest && latest > reorientedOn ? latest : reorientedOn), null),
    }));
  }

  private async caughtUp(): Promise<void> {
    if (await this.positions.waitForHead(this.config.READ_YOUR_WRITES_TIMEOUT_MS)) return;
    throw new ReadModelsBehind();
  }
}

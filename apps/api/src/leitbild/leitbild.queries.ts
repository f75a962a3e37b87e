import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { NetworkNotFound } from '@kreislauf/domain';
import { LeitbildVersionRow, NetworkRow } from '@kreislauf/read-models';
import { DataSource } from 'typeorm';
import { DecisionView, DecisionViews } from '../decisions/decision-views';

export interface LeitbildVersionView extends Omit<LeitbildVersionRow, 'networkId' | 'decisionId'> {
  decision: DecisionView | null;
}

export interface LeitbildView {
  networkId: string;
  /** The version in force; null while none is adopted. */
  inForce: LeitbildVersionView | null;
  versions: LeitbildVersionView[];
}

export class GetLeitbild extends Query<LeitbildView> {
  constructor(readonly networkId: string) {
    super();
  }
}

@QueryHandler(GetLeitbild)
export class GetLeitbildHandler implements IQueryHandler<GetLeitbild, LeitbildView> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly decisions: DecisionViews,
  ) {}

  async execute({ networkId }: GetLeitbild): Promise<LeitbildView> {
    if (!(await this.dataSource.manager.existsBy(NetworkRow, { id: networkId }))) throw new NetworkNotFound(networkId);
    const rows = await this.dataSource.manager.find(LeitbildVersionRow, { where: { networkId }, order: { version: 'ASC' } });
    const decisions = await this.decisions.byIds(rows.map((row) => row.decisionId));
    const versions = rows.map(({ networkId: _networkId, decisionId, ...row }) => ({ ...row, decision: decisions.get(decisionId ?? '') ?? null }));
    return { networkId, inForce: versions.find((version) => version.status === 'in_force') ?? null, versions };
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  agendaOrder,
  AssessmentNotClosed,
  AssessmentNotFound,
  compareResults,
  FrameworkNotFound,
  FrameworkVersion,
  goalTextOf,
  ItemResult,
  Label,
  NetworkNotFound,
  Rating,
  RATING_LABELS,
} from '@kreislauf/domain';
import { AssessmentItemGoalRow, AssessmentItemRow, AssessmentRatingRow, AssessmentRow, GoalRow, NetworkRow } from '@kreislauf/read-models';
import { APP_CONFIG, AppConfig, ReadModelPositions } from '@kreislauf/storage';
import { DataSource, In } from 'typeorm';
import { FrameworkCatalogue } from './framework-catalogue';

/** Who reads a round: a rater sees their own ratings while it is open. */
export interface Viewer {
  userId: string;
}

export interface FrameworkSummary {
  frameworkId: string;
  title: Label;
  versions: { version: number; source: FrameworkVersion['source']; publishedOn: string | null; dimensions: { key: string; number: number; title: Label; developmentGoals: number }[] }[];
}

export interface DerivedGoalView {
  goalId: string;
  level: string;
  title: string;
  definedOn: string;
  /** The goal's status now (active, retired, replaced); null while the goals read model has not caught up. */
  status: string | null;
}

export interface ItemView {
  key: string;
  position: number;
  dimensionKey: string;
  themeKey: string;
  theme: Label | null;
  text: Label | null;
  /** The viewer's own rating, if they rate in this round. */
  yourRating: { rating: Rating; comment: string; ratedOn: string } | null;
  /** Once the round is closed: the distribution, median and divergence; null while open. */
  result: ItemResult | null;
  /** Once the round is closed: every rating, with the rater's name in a named round, without in an anonymous one. */
  ratings: { rater: { userId: string; displayName: string | null } | null; rating: Rating; comment: string }[];
  priority: { prioritisedOn: string; note: string } | null;
  derivedGoals: DerivedGoalView[];
}

export interface AssessmentView {
  id: string;
  networkId: string;
  cycleId: string;
  framework: { frameworkId: string; version: number; title: Label | null };
  dimensions: { key: string; number: number | null; title: Label | null }[];
  visibility: AssessmentRow['visibility'];
  status: AssessmentRow['status'];
  openedOn: string;
  closedOn: string | null;
  raters: number;
  /** How many raters have submitted ratings so far. */
  submitted: number;
  youRate: boolean;
  ratingScale: { key: Rating; label: Label }[];
  items: ItemView[];
  version: number;
}

export interface AssessmentSummary {
  id: string;
  cycleId: string;
  frameworkId: string;
  frameworkVersion: number;
  dimensionKeys: string[];
  visibility: AssessmentRow['visibility'];
  status: AssessmentRow['status'];
  openedOn: string;
  closedOn: string | null;
  raters: number;
  submitted: number;
}

export interface AgendaEntry {
  rank: number;
  key: string;
  text: Label | null;
  theme: Label | null;
  median: number | null;
  divergence: number | null;
  rated: number;
  cannotJudge: number;
  counts: Record<Rating, number>;
  prioritised: boolean;
}

export interface ComparisonItem {
  key: string;
  text: Label | null;
  before: Pick<ItemResult, 'median' | 'divergence' | 'rated' | 'cannotJudge'>;
  after: Pick<ItemResult, 'median' | 'divergence' | 'rated' | 'cannotJudge'>;
  medianChange: number | null;
  divergenceChange: number | null;
  /** Goals the earlier round's priority on this item was turned into. */
  goalsFromEarlierRound: DerivedGoalView[];
}

export interface RoundRef {
  assessmentId: string;
  cycleId: string;
  openedOn: string;
  closedOn: string | null;
}

export interface AssessmentComparison {
  earlier: RoundRef;
  later: RoundRef;
  items: ComparisonItem[];
  onlyInEarlier: string[];
  onlyInLater: string[];
}

export class ListFrameworks extends Query<FrameworkSummary[]> {}

export class GetFrameworkVersion extends Query<FrameworkVersion> {
  constructor(
    readonly frameworkId: string,
    readonly version: number,
  ) {
    super();
  }
}

export class ListAssessments extends Query<AssessmentSummary[]> {
  constructor(readonly networkId: string) {
    super();
  }
}

export class GetAssessment extends Query<AssessmentView> {
  constructor(
    readonly assessmentId: string,
    readonly viewer: Viewer,
  ) {
    super();
  }
}

/** The closed round's development goals by divergence, widest first: the agenda of the dialogue. */
export class GetAssessmentAgenda extends Query<{ assessmentId: string; items: AgendaEntry[] }> {
  constructor(readonly assessmentId: string) {
    super();
  }
}

export class CompareAssessments extends Query<AssessmentComparison> {
  constructor(
    readonly assessmentId: string,
    readonly otherId: string,
  ) {
    super();
  }
}

@QueryHandler(ListFrameworks)
export class ListFrameworksHandler implements IQueryHandler<ListFrameworks, FrameworkSummary[]> {
  constructor(private readonly catalogue: FrameworkCatalogue) {}

  async execute(): Promise<FrameworkSummary[]> {
    const frameworks = new Map<string, FrameworkSummary>();
    for (const version of await this.catalogue.all()) {
      const summary = frameworks.get(version.frameworkId) ?? { frameworkId: version.frameworkId, title: version.title, versions: [] };
      summary.title = version.title; // the latest version's title
      summary.versions.push({
        version: version.version,
        source: version.source,
        publishedOn: version.publishedOn,
        dimensions: version.dimensions.map(({ key, number, title, themes }) => ({ key, number, title, developmentGoals: themes.reduce((sum, theme) => sum + theme.goals.length, 0) })),
      });
      frameworks.set(version.frameworkId, summary);
    }
    return [...frameworks.values()];
  }
}

@QueryHandler(GetFrameworkVersion)
export class GetFrameworkVersionHandler implements IQueryHandler<GetFrameworkVersion, FrameworkVersion> {
  constructor(private readonly catalogue: FrameworkCatalogue) {}

  async execute({ frameworkId, version }: GetFrameworkVersion): Promise<FrameworkVersion> {
    const found = await this.catalogue.version(frameworkId, version);
    if (!found) throw new FrameworkNotFound(frameworkId, version);
    return found;
  }
}

@QueryHandler(ListAssessments)
export class ListAssessmentsHandler implements IQueryHandler<ListAssessments, AssessmentSummary[]> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId }: ListAssessments): Promise<AssessmentSummary[]> {
    if (!(await this.dataSource.manager.existsBy(NetworkRow, { id: networkId }))) throw new NetworkNotFound(networkId);
    const rows = await this.dataSource.manager.find(AssessmentRow, { where: { networkId }, order: { openedOn: 'ASC', id: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      cycleId: row.cycleId,
      frameworkId: row.frameworkId,
      frameworkVersion: row.frameworkVersion,
      dimensionKeys: row.dimensionKeys,
      visibility: row.visibility,
      status: row.status,
      openedOn: row.openedOn,
      closedOn: row.closedOn,
      raters: row.raters.length,
      submitted: row.submittedBy.length,
    }));
  }
}

/** The rows of one round, and the framework version its labels come from. */
abstract class RoundReader {
  constructor(
    protected readonly dataSource: DataSource,
    protected readonly catalogue: FrameworkCatalogue,
    private readonly positions: ReadModelPositions,
    private readonly config: AppConfig,
  ) {}

  protected async round(assessmentId: string) {
    const manager = this.dataSource.manager;
    // The access guard found the round in the event store; a round opened a moment ago may need the read model to catch up.
    const find = () => manager.findOneBy(AssessmentRow, { id: assessmentId });
    const row = (await find()) ?? ((await this.positions.waitForHead(this.config.READ_YOUR_WRITES_TIMEOUT_MS)) ? await find() : null);
    if (!row) throw new AssessmentNotFound(assessmentId);
    const [items, framework] = await Promise.all([
      manager.find(AssessmentItemRow, { where: { assessmentId }, order: { position: 'ASC' } }),
      this.catalogue.version(row.frameworkId, row.frameworkVersion),
    ]);
    return { row, items, framework };
  }

  protected async derivedGoals(assessmentId: string): Promise<Map<string, DerivedGoalView[]>> {
    const links = await this.dataSource.manager.find(AssessmentItemGoalRow, { where: { assessmentId }, order: { definedOn: 'ASC', title: 'ASC' } });
    const goals = links.length === 0 ? [] : await this.dataSource.manager.findBy(GoalRow, { id: In(links.map((link) => link.goalId)) });
    const status = new Map(goals.map((goal) => [goal.id, goal.status]));
    const byItem = new Map<string, DerivedGoalView[]>();
    for (const link of links) {
      const view = { goalId: link.goalId, level: link.level, title: link.title, definedOn: link.definedOn, status: status.get(link.goalId) ?? null };
      byItem.set(link.itemKey, [...(byItem.get(link.itemKey) ?? []), view]);
    }
    return byItem;
  }
}

@QueryHandler(GetAssessment)
export class GetAssessmentHandler extends RoundReader implements IQueryHandler<GetAssessment, AssessmentView> {
  constructor(@InjectDataSource() dataSource: DataSource, catalogue: FrameworkCatalogue, positions: ReadModelPositions, @Inject(APP_CONFIG) config: AppConfig) {
    super(dataSource, catalogue, positions, config);
  }

  async execute({ assessmentId, viewer }: GetAssessment): Promise<AssessmentView> {
    const { row, items, framework } = await this.round(assessmentId);
    const closed = row.status === 'closed';
    const ratings = await this.dataSource.manager.find(AssessmentRatingRow, { where: { assessmentId }, order: { rating: 'ASC', comment: 'ASC', raterId: 'ASC' } });
    const derived = await this.derivedGoals(assessmentId);
    const own = new Map(ratings.filter((rating) => rating.raterId === viewer.userId).map((rating) => [rating.itemKey, rating]));
    const anonymous = row.visibility === 'anonymous';
    return {
      id: row.id,
      networkId: row.networkId,
      cycleId: row.cycleId,
      framework: { frameworkId: row.frameworkId, version: row.frameworkVersion, title: framework?.title ?? null },
      dimensions: row.dimensionKeys.map((key) => {
        const dimension = framework?.dimensions.find((known) => known.key === key);
        return { key, number: dimension?.number ?? null, title: dimension?.title ?? null };
      }),
      visibility: row.visibility,
      status: row.status,
      openedOn: row.openedOn,
      closedOn: row.closedOn,
      raters: row.raters.length,
      submitted: row.submittedBy.length,
      youRate: row.raters.includes(viewer.userId),
      ratingScale: (Object.keys(RATING_LABELS) as Rating[]).map((key) => ({ key, label: RATING_LABELS[key] })),
      items: items.map((item) => {
        const mine = own.get(item.key);
        return {
          key: item.key,
          position: item.position,
          dimensionKey: item.dimensionKey,
          themeKey: item.themeKey,
          theme: themeOf(framework, item),
          text: framework ? goalTextOf(framework, item.key) : null,
          yourRating: mine ? { rating: mine.rating, comment: mine.comment, ratedOn: mine.ratedOn } : null,
          result: closed ? resultOf(item) : null,
          // Sorted by rating and comment, never by rater, so that the order gives no one away in an anonymous round.
          ratings: closed
            ? ratings
                .filter((rating) => rating.itemKey === item.key)
                .map((rating) => ({ rater: anonymous ? null : { userId: rating.raterId, displayName: rating.raterName }, rating: rating.rating, comment: rating.comment }))
            : [],
          priority: item.prioritisedOn ? { prioritisedOn: item.prioritisedOn, note: item.priorityNote ?? '' } : null,
          derivedGoals: derived.get(item.key) ?? [],
        };
      }),
      version: row.version,
    };
  }
}

@QueryHandler(GetAssessmentAgenda)
export class GetAssessmentAgendaHandler extends RoundReader implements IQueryHandler<GetAssessmentAgenda, { assessmentId: string; items: AgendaEntry[] }> {
  constructor(@InjectDataSource() dataSource: DataSource, catalogue: FrameworkCatalogue, positions: ReadModelPositions, @Inject(APP_CONFIG) config: AppConfig) {
    super(dataSource, catalogue, positions, config);
  }

  async execute({ assessmentId }: GetAssessmentAgenda): Promise<{ assessmentId: string; items: AgendaEntry[] }> {
    const { row, items, framework } = await this.round(assessmentId);
    if (row.status !== 'closed') throw new AssessmentNotClosed(assessmentId);
    const ordered = agendaOrder(items.map((item) => ({ item, position: item.position, result: resultOf(item) })));
    return {
      assessmentId,
      items: ordered.map(({ item, result }, index) => ({
        rank: index + 1,
        key: item.key,
        text: framework ? goalTextOf(framework, item.key) : null,
        theme: themeOf(framework, item),
        median: result.median,
        divergence: result.divergence,
        rated: result.rated,
        cannotJudge: result.cannotJudge,
        counts: result.counts,
        prioritised: item.prioritisedOn !== null,
      })),
    };
  }
}

@QueryHandler(CompareAssessments)
export class CompareAssessmentsHandler extends RoundReader implements IQueryHandler<CompareAssessments, AssessmentComparison> {
  constructor(@InjectDataSource() dataSource: DataSource, catalogue: FrameworkCatalogue, positions: ReadModelPositions, @Inject(APP_CONFIG) config: AppConfig) {
    super(dataSource, catalogue, positions, config);
  }

  async execute({ assessmentId, otherId }: CompareAssessments): Promise<AssessmentComparison> {
    const one = await this.round(assessmentId);
    const other = await this.round(otherId).catch((error: unknown) => {
      throw error instanceof AssessmentNotFound ? new AssessmentNotFound(otherId) : error;
    });
    // A round of another network is not disclosed: the same answer as for one that does not exist.
    if (other.row.networkId !== one.row.networkId) throw new AssessmentNotFound(otherId);
    for (const round of [one, other]) if (round.row.status !== 'closed') throw new AssessmentNotClosed(round.row.id);
    const [earlier, later] = [one, other].sort((a, b) => a.row.openedOn.localeCompare(b.row.openedOn) || a.row.id.localeCompare(b.row.id));
    const results = (items: AssessmentItemRow[]) => new Map(items.map((item) => [item.key, resultOf(item)]));
    const changes = compareResults(results(earlier.items), results(later.items));
    const derived = await this.derivedGoals(earlier.row.id);
    const pick = ({ median, divergence, rated, cannotJudge }: ItemResult) => ({ median, divergence, rated, cannotJudge });
    const laterKeys = new Set(later.items.map((item) => item.key));
    const earlierKeys = new Set(earlier.items.map((item) => item.key));
    return {
      earlier: refOf(earlier.row),
      later: refOf(later.row),
      items: changes.map((change) => ({
        key: change.itemKey,
        text: later.framework ? goalTextOf(later.framework, change.itemKey) : null,
        before: pick(change.before),
        after: pick(change.after),
        medianChange: change.medianChange,
        divergenceChange: change.divergenceChange,
        goalsFromEarlierRound: derived.get(change.itemKey) ?? [],
      })),
      onlyInEarlier: earlier.items.filter((item) => !laterKeys.has(item.key)).map((item) => item.key),
      onlyInLater: later.items.filter((item) => !earlierKeys.has(item.key)).map((item) => item.key),
    };
  }
}

function refOf(row: AssessmentRow): RoundRef {
  return { assessmentId: row.id, cycleId: row.cycleId, openedOn: row.openedOn, closedOn: row.closedOn };
}

function resultOf(item: AssessmentItemRow): ItemResult {
  return { counts: item.counts, rated: item.rated, cannotJudge: item.cannotJudge, median: item.median, divergence: item.divergence };
}

function themeOf(framework: FrameworkVersion | null, item: AssessmentItemRow): Label | null {
  const dimension = framework?.dimensions.find((known) => known.key === item.dimensionKey);
  return dimension?.themes.find((theme) => theme.key === item.themeKey)?.title ?? null;
}

import { ASSESSMENT_EVENT_TYPES, AssessmentEvent, GoalDefined, itemResult, Rating } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager, In } from 'typeorm';
import { Projection } from '../projection';
import { idOfStream } from '../stream-ids';
import { AssessmentItemGoalRow, AssessmentItemRow, AssessmentRatingRow, AssessmentRow } from './assessment.entities';

const UPSERT_CHUNK = 500;
const ASSESSMENT_TYPES: readonly string[] = ASSESSMENT_EVENT_TYPES;

interface Round {
  row: AssessmentRow;
  items: Map<string, AssessmentItemRow>;
  /** `<raterId> <itemKey>` → the rater's current rating. */
  ratings: Map<string, AssessmentRatingRow>;
}

/**
 * Self-assessment rounds: the round, each rater's current ratings, per development goal the distribution, median
 * and divergence over them (recomputed for every round a batch touches), the priorities, and the goals derived
 * from a priority (from GoalDefined events that name their source item).
 */
export class AssessmentsProjection implements Projection {
  readonly name = 'assessments';
  readonly eventTypes = [...ASSESSMENT_EVENT_TYPES, 'GoalDefined'];
  readonly tables = ['rm_assessments', 'rm_assessment_items', 'rm_assessment_ratings', 'rm_assessment_item_goals'];

  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    await this.applyRounds(events.filter((event) => ASSESSMENT_TYPES.includes(event.type)), manager);
    await this.applyDerivedGoals(events.filter((event) => event.type === 'GoalDefined'), manager);
  }

  private async applyRounds(relevant: StoredEvent[], manager: EntityManager): Promise<void> {
    if (relevant.length === 0) return;
    const ids = [...new Set(relevant.map((event) => idOfStream(event.streamId)))];
    const rounds = await this.load(ids, manager);
    const touched = new Set<string>();

    for (const stored of relevant) {
      const id = idOfStream(stored.streamId);
      const round = rounds.get(id);
      if (round && stored.streamVersion <= round.row.version) continue; // applied before
      const event = stored as unknown as AssessmentEvent;
      if (event.type === 'AssessmentOpened') {
        rounds.set(id, opened(id, event));
      } else if (round) {
        evolve(round, event, stored.metadata.actor);
      } else {
        continue; // a round's stream starts with its opening
      }
      rounds.get(id)!.row.version = stored.streamVersion;
      touched.add(id);
    }

    const changed = [...touched].map((id) => rounds.get(id)!);
    for (const round of changed) recompute(round);
    await upsertAll(manager, AssessmentRow, changed.map((round) => round.row), ['id']);
    await upsertAll(manager, AssessmentItemRow, changed.flatMap((round) => [...round.items.values()]), ['assessmentId', 'key']);
    await upsertAll(manager, AssessmentRatingRow, changed.flatMap((round) => [...round.ratings.values()]), ['assessmentId', 'raterId', 'itemKey']);
  }

  private async applyDerivedGoals(definitions: StoredEvent[], manager: EntityManager): Promise<void> {
    const rows = new Map<string, AssessmentItemGoalRow>();
    for (const stored of definitions) {
      const { data } = stored as unknown as GoalDefined;
      if (!data.sourceItem) continue;
      const goalId = idOfStream(stored.streamId);
      rows.set(
        goalId,
        Object.assign(new AssessmentItemGoalRow(), {
          goalId,
          assessmentId: data.sourceItem.assessmentId,
          itemKey: data.sourceItem.itemKey,
          networkId: data.networkId,
          cycleId: data.cycleId,
          level: data.level,
          title: data.title,
          definedOn: data.definedOn,
        }),
      );
    }
    await upsertAll(manager, AssessmentItemGoalRow, [...rows.values()], ['goalId']);
  }

  private async load(ids: string[], manager: EntityManager): Promise<Map<string, Round>> {
    // One after the other: the batch's transaction has one connection, which runs one query at a time.
    const rows = await manager.findBy(AssessmentRow, { id: In(ids) });
    const items = await manager.findBy(AssessmentItemRow, { assessmentId: In(ids) });
    const ratings = await manager.findBy(AssessmentRatingRow, { assessmentId: In(ids) });
    const rounds = new Map(rows.map((row) => [row.id, { row, items: new Map<string, AssessmentItemRow>(), ratings: new Map<string, AssessmentRatingRow>() }]));
    for (const item of items) rounds.get(item.assessmentId)?.items.set(item.key, item);
    for (const rating of ratings) rounds.get(rating.assessmentId)?.ratings.set(`${rating.raterId} ${rating.itemKey}`, rating);
    return rounds;
  }
}

function opened(id: string, event: Extract<AssessmentEvent, { type: 'AssessmentOpened' }>): Round {
  const { networkId, cycleId, frameworkId, frameworkVersion, dimensionKeys, raters, visibility, openedOn, items } = event.data;
  const row = Object.assign(new AssessmentRow(), {
    id,
    networkId,
    cycleId,
    frameworkId,
    frameworkVersion,
    dimensionKeys,
    raters,
    visibility,
    status: 'open',
    openedOn,
    closedOn: null,
    submittedBy: [],
    version: 0,
  });
  const itemRows = items.map((item, position) =>
    Object.assign(new AssessmentItemRow(), {
      assessmentId: id,
      key: item.key,
      position,
      dimensionKey: item.dimensionKey,
      themeKey: item.themeKey,
      counts: {},
      rated: 0,
      cannotJudge: 0,
      median: null,
      divergence: null,
      prioritisedOn: null,
      priorityNote: null,
    }),
  );
  return { row, items: new Map(itemRows.map((item) => [item.key, item])), ratings: new Map() };
}

function evolve(round: Round, event: AssessmentEvent, actor: { userId: string; displayName?: string }): void {
  switch (event.type) {
    case 'AssessmentOpened':
      return;
    case 'RatingsSubmitted': {
      const { raterId, ratings, ratedOn } = event.data;
      const raterName = actor.userId === raterId ? (actor.displayName ?? null) : null;
      for (const { itemKey, rating, comment } of ratings) {
        round.ratings.set(`${raterId} ${itemKey}`, Object.assign(new AssessmentRatingRow(), { assessmentId: round.row.id, raterId, itemKey, raterName, rating, comment, ratedOn }));
      }
      if (!round.row.submittedBy.includes(raterId)) round.row.submittedBy = [...round.row.submittedBy, raterId];
      return;
    }
    case 'AssessmentClosed':
      round.row.status = 'closed';
      round.row.closedOn = event.data.closedOn;
      return;
    case 'AssessmentItemPrioritised': {
      const item = round.items.get(event.data.itemKey);
      if (item) Object.assign(item, { prioritisedOn: event.data.prioritisedOn, priorityNote: event.data.note });
      return;
    }
  }
}

/** The distribution, median and divergence of every item over the round's current ratings. */
function recompute(round: Round): void {
  const byItem = new Map<string, Rating[]>();
  for (const { itemKey, rating } of round.ratings.values()) byItem.set(itemKey, [...(byItem.get(itemKey) ?? []), rating]);
  for (const item of round.items.values()) {
    const { counts, rated, cannotJudge, median, divergence } = itemResult(byItem.get(item.key) ?? []);
    Object.assign(item, { counts, rated, cannotJudge, median, divergence });
  }
}

async function upsertAll<T extends object>(manager: EntityManager, entity: new () => T, rows: T[], conflict: string[]): Promise<void> {
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
    await manager.upsert(entity, rows.slice(start, start + UPSERT_CHUNK) as never[], conflict);
  }
}

import { addDays, CycleOpened, GOAL_EVENT_TYPES, GoalDefined, GoalEvent } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager, In } from 'typeorm';
import { Projection } from '../projection';
import { idOfStream } from '../stream-ids';
import { averageProgress, indicatorProgress } from './goal-progress';
import { GoalRow, IndicatorView } from './goal.entities';

const UPSERT_CHUNK = 500;

/** One row per goal with its indicators, measures, reviews and reorientations, in its latest cycle. */
export class GoalsProjection implements Projection {
  readonly name = 'goals';
  readonly eventTypes: readonly string[] = [...GOAL_EVENT_TYPES, 'CycleOpened'];
  readonly tables = ['rm_goals'];

  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const relevant = events.filter((event) => this.eventTypes.includes(event.type));
    if (relevant.length === 0) return;
    const goalIds = [...new Set(relevant.flatMap((event) => (event.type === 'CycleOpened' ? carriedOver(event) : [idOfStream(event.streamId)])))];
    if (goalIds.length === 0) return;
    const rows = new Map((await manager.findBy(GoalRow, { id: In(goalIds) })).map((row) => [row.id, row]));
    const touched = new Set<string>();

    for (const event of relevant) {
      if (event.type === 'CycleOpened') {
        // A cycle carries the goals still active at the last close into itself; doing it twice changes nothing.
        const { cycleId } = (event as unknown as CycleOpened).data;
        for (const goalId of carriedOver(event)) {
          const row = rows.get(goalId);
          if (!row) continue;
          row.cycleId = cycleId;
          if (!row.cycleIds.includes(cycleId)) row.cycleIds = [...row.cycleIds, cycleId];
          touched.add(goalId);
        }
        continue;
      }
      const goalId = idOfStream(event.streamId);
      const row = rows.get(goalId);
      if (row && event.streamVersion <= row.version) continue; // applied before
      const next = evolveRow(row, goalId, event);
      if (!next) continue;
      next.version = event.streamVersion;
      rows.set(goalId, next);
      touched.add(goalId);
    }

    const changed = [...touched].map((id) => rows.get(id)!);
    for (let start = 0; start < changed.length; start += UPSERT_CHUNK) {
      await manager.upsert(GoalRow, changed.slice(start, start + UPSERT_CHUNK), ['id']);
    }
  }
}

function evolveRow(row: GoalRow | undefined, goalId: string, stored: StoredEvent): GoalRow | undefined {
  const event = stored as unknown as GoalEvent;
  if (event.type === 'GoalDefined') return definedRow(goalId, event);
  if (!row) return undefined; // a goal stream starts with its definition
  const actor = stored.metadata.actor.displayName ?? stored.metadata.actor.userId;
  switch (event.type) {
    case 'GoalConcretised': {
      const added: IndicatorView[] = event.data.indicators.map((indicator) => ({
        ...indicator,
        latestValue: null,
        latestMeasuredOn: null,
        progressPercent: 0,
        measurements: [],
      }));
      row.indicators = [...row.indicators, ...added];
      row.measures = [...row.measures, ...event.data.measures];
      break;
    }
    case 'MeasurementRecorded': {
      const { indicatorKey, value, measuredOn, source } = event.data;
      // In place, after the last measurement of the same day or earlier: a goal's life of measurements stays linear.
      for (const indicator of row.indicators) {
        if (indicator.key !== indicatorKey) continue;
        let at = indicator.measurements.length;
        while (at > 0 && indicator.measurements[at - 1].measuredOn > measuredOn) at--;
        indicator.measurements.splice(at, 0, { value, measuredOn, source });
        const latest = indicator.measurements[indicator.measurements.length - 1];
        Object.assign(indicator, { latestValue: latest.value, latestMeasuredOn: latest.measuredOn });
        indicator.progressPercent = indicatorProgress(indicator);
      }
      break;
    }
    case 'GoalReviewed': {
      const { reviewedOn, assessment, evidence, decisionId } = event.data;
      row.reviews = [...row.reviews, { reviewedOn, assessment, evidence, reviewedBy: actor, decisionId }];
      if (!row.lastReviewOn || reviewedOn >= row.lastReviewOn) {
        row.lastReviewOn = reviewedOn;
        row.lastAssessment = assessment;
      }
      break;
    }
    case 'GoalReoriented': {
      const { decision, rationale, reorientedOn, changes, replacementGoalId, decisionId } = event.data;
      row.reorientations = [...row.reorientations, { reorientedOn, decision, rationale, changes, replacementGoalId, decidedBy: actor, decisionId }];
      if (changes) Object.assign(row, changes);
      if (decision === 'retire') row.status = 'retired';
      if (decision === 'replace') {
        row.status = 'replaced';
        row.replacedByGoalId = replacementGoalId;
      }
      break;
    }
  }
  row.progressPercent = row.indicators.length === 0 ? null : averageProgress(row.indicators.map((indicator) => indicator.progressPercent));
  row.nextReviewOn = row.status === 'active' ? addDays(row.lastReviewOn ?? row.definedOn, row.reviewIntervalDays) : null;
  return row;
}

function carriedOver(event: StoredEvent): string[] {
  return (event as unknown as CycleOpened).data.carriedOverGoalIds;
}

function definedRow(id: string, event: GoalDefined): GoalRow {
  const { data } = event;
  return Object.assign(new GoalRow(), {
    id,
    networkId: data.networkId,
    cycleId: data.cycleId,
    cycleIds: [data.cycleId],
    principleKeys: data.principleKeys,
    decisionId: data.decisionId,
    parentGoalId: data.parentGoalId,
    level: data.level,
    title: data.title,
    description: data.description,
    qualityGoals: data.qualityGoals,
    lifePhase: data.lifePhase,
    district: data.district,
    reviewIntervalDays: data.reviewIntervalDays,
    status: 'active',
    definedOn: data.definedOn,
    lastReviewOn: null,
    lastAssessment: null,
    nextReviewOn: addDays(data.definedOn, data.reviewIntervalDays),
    progressPercent: null,
    indicators: [],
    measures: [],
    reviews: [],
    reorientations: [],
    replacesGoalId: data.replacesGoalId,
    replacedByGoalId: null,
    version: 0,
  });
}

import { CycleOpened, GOAL_EVENT_TYPES, GoalEvent } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager, In } from 'typeorm';
import { Projection } from '../projection';
import { idOfStream } from '../stream-ids';
import { CycleGoalRow } from './cycle-goal.entity';

const UPSERT_CHUNK = 500;

/** What each cycle planned, reviewed and changed: one row per goal and cycle it belonged to. */
export class CycleGoalsProjection implements Projection {
  readonly name = 'cycle-goals';
  readonly eventTypes: readonly string[] = [...GOAL_EVENT_TYPES, 'CycleOpened'];
  readonly tables = ['rm_cycle_goals'];

  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const relevant = events.filter((event) => this.eventTypes.includes(event.type));
    if (relevant.length === 0) return;
    const goalIds = [...new Set(relevant.flatMap(goalIdsOf))];
    const rows = new Map<string, CycleGoalRow>();
    /** Each goal's row in its latest cycle. */
    const currentRows = new Map<string, CycleGoalRow>();
    const remember = (row: CycleGoalRow) => {
      rows.set(key(row), row);
      if (row.current) currentRows.set(row.goalId, row);
    };
    if (goalIds.length > 0) (await manager.findBy(CycleGoalRow, { goalId: In(goalIds) })).forEach(remember);
    const touched = new Set<string>();
    const current = (goalId: string) => currentRows.get(goalId);

    for (const stored of relevant) {
      if (stored.type === 'CycleOpened') {
        const { cycleId, carriedOverGoalIds } = (stored as unknown as CycleOpened).data;
        for (const goalId of carriedOverGoalIds) {
          const previous = current(goalId);
          if (rows.has(key({ cycleId, goalId })) || !previous) continue; // applied before
          previous.current = false;
          const carried = Object.assign(new CycleGoalRow(), { ...previous, cycleId, origin: 'carried_over', current: true, reviews: [], reorientations: [] });
          remember(carried);
          touched.add(key(previous)).add(key(carried));
        }
        continue;
      }
      const event = stored as unknown as GoalEvent;
      const goalId = idOfStream(stored.streamId);
      if (event.type === 'GoalDefined') {
        if (currentRows.has(goalId)) continue; // applied before
        const { data } = event;
        const row = Object.assign(new CycleGoalRow(), {
          cycleId: data.cycleId,
          goalId,
          networkId: data.networkId,
          level: data.level,
          title: data.title,
          origin: data.replacesGoalId ? 'replacement' : 'defined',
          status: 'active',
          current: true,
          reviews: [],
          reorientations: [],
          goalVersion: stored.streamVersion,
        });
        remember(row);
        touched.add(key(row));
        continue;
      }
      const row = current(goalId);
      if (!row || stored.streamVersion <= row.goalVersion) continue; // applied before
      row.goalVersion = stored.streamVersion;
      touched.add(key(row));
      if (event.type === 'GoalReviewed') {
        const { reviewedOn, assessment, decisionId } = event.data;
        row.reviews = [...row.reviews, { reviewedOn, assessment, decisionId }];
      } else if (event.type === 'GoalReoriented') {
        const { reorientedOn, decision, rationale, replacementGoalId, decisionId, changes } = event.data;
        row.reorientations = [...row.reorientations, { reorientedOn, decision, rationale, replacementGoalId, decisionId }];
        if (changes?.title) row.title = changes.title;
        if (decision === 'retire') row.status = 'retired';
        if (decision === 'replace') row.status = 'replaced';
      }
    }

    const changed = [...touched].map((id) => rows.get(id)!);
    for (let start = 0; start < changed.length; start += UPSERT_CHUNK) {
      await manager.upsert(CycleGoalRow, changed.slice(start, start + UPSERT_CHUNK), ['cycleId', 'goalId']);
    }
  }
}

function goalIdsOf(event: StoredEvent): string[] {
  if (event.type === 'CycleOpened') return (event as unknown as CycleOpened).data.carriedOverGoalIds;
  return [idOfStream(event.streamId)];
}

function key(row: { cycleId: string; goalId: string }): string {
  return `${row.cycleId} ${row.goalId}`;
}

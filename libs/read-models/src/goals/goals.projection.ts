import { CycleOpened, evolveGoalView, GOAL_EVENT_TYPES, GoalEvent } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager, In } from 'typeorm';
import { Projection } from '../projection';
import { idOfStream } from '../stream-ids';
import { GoalRow } from './goal.entities';

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

/** The goal's view after the event, by the domain's one fold; the row keeps its cycles, which cycle openings move. */
function evolveRow(row: GoalRow | undefined, goalId: string, stored: StoredEvent): GoalRow | undefined {
  const event = stored as unknown as GoalEvent;
  const actor = stored.metadata.actor.displayName ?? stored.metadata.actor.userId;
  const view = evolveGoalView(event.type === 'GoalDefined' ? null : (row ?? null), event, { goalId, eventId: stored.eventId, actor });
  if (!view) return undefined; // a goal stream starts with its definition
  const carried = row && event.type !== 'GoalDefined' ? { cycleId: row.cycleId, cycleIds: row.cycleIds } : {};
  return Object.assign(new GoalRow(), view, carried, { version: row?.version ?? 0 });
}

function carriedOver(event: StoredEvent): string[] {
  return (event as unknown as CycleOpened).data.carriedOverGoalIds;
}

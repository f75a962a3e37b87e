import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EVENT_STORE, EventStore, GlobalPosition } from '@kreislauf/event-store';
import { PoisonedEvent, poisonedEvents, Projection, PROJECTIONS, projectionsReached, readCheckpoint } from '@kreislauf/read-models';
import { DataSource } from 'typeorm';

const POLL_MS = 20;

/** Where the read models stand against the event store: for read-your-writes and for health. */
@Injectable()
export class ReadModelPositions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  /** Resolves true once every projection has applied the event at `position`, false after the timeout. */
  async waitFor(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    const names = this.projections.map((projection) => projection.name);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await projectionsReached(this.dataSource.manager, names, position)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Waits until the read models have caught up with everything readable in the store now. */
  async waitForHead(timeoutMs: number): Promise<boolean> {
    const head = await this.store.headPosition();
    return head === null ? true : this.waitFor(head, timeoutMs);
  }

  /** Events each projection has still to apply. */
  async lag(): Promise<Record<string, number>> {
    const lag: Record<string, number> = {};
    for (const projection of this.projections) {
      lag[projection.name] = await this.store.countAfter(await readCheckpoint(this.dataSource.manager, projection.name));
    }
    return lag;
  }

  /** Events the projections could not apply and went past. */
  poisoned(): Promise<PoisonedEvent[]> {
    return poisonedEvents(this.dataSource.manager);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GoalNotFound, NetworkNotFound } from '@kreislauf/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@kreislauf/event-store';
import { GoalRow } from '@kreislauf/read-models';
import { DataSource } from 'typeorm';
import { ResourceDirectory } from '../access/resource-directory';

/** Streams read at once when a network's goals are replayed. */
const PARALLEL_READS = 8;

/** The events, of every record time, that make the rows a past read needs. */
@Injectable()
export class PastEvents {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: ResourceDirectory,
  ) {}

  /** The goal's own stream, and its network's stream, whose opened cycles carry goals over. */
  async ofGoal(goalId: string, options: { withNetwork: boolean }): Promise<StoredEvent[]> {
    // The access guard has asked the directory for the goal's network already: the answer is cached.
    const networkId = options.withNetwork ? await this.directory.networkOfStream('goal', goalId, () => new GoalNotFound(goalId)) : null;
    const [goal, network] = await Promise.all([
      this.store.readStream(`goal-${goalId}`),
      networkId ? this.store.readStream(`network-${networkId}`) : Promise.resolve([]),
    ]);
    if (goal.length === 0) throw new GoalNotFound(goalId);
    return [...goal, ...network];
  }

  /**
   * The network's stream and, with goals, the streams of the goals defined in it. Goals are never deleted,
   * so today's goals of the network include every goal it had at any earlier moment.
   */
  async ofNetwork(networkId: string, options: { withGoals: boolean }): Promise<StoredEvent[]> {
    const [network, goals] = await Promise.all([
      this.store.readStream(`network-${networkId}`),
      options.withGoals ? this.dataSource.manager.find(GoalRow, { select: { id: true }, where: { networkId }, order: { id: 'ASC' } }) : [],
    ]);
    if (network.length === 0) throw new NetworkNotFound(networkId);
    const events = [...network];
    for (let start = 0; start < goals.length; start += PARALLEL_READS) {
      const streams = await Promise.all(goals.slice(start, start + PARALLEL_READS).map(({ id }) => this.store.readStream(`goal-${id}`)));
      events.push(...streams.flat());
    }
    return events;
  }
}

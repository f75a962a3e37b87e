import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Decider, DomainEvent, upcast } from '@kreislauf/domain';
import { AppendResult, ConcurrencyError, EventMetadata, formatPosition, StreamAppend } from '@kreislauf/event-store';
import { CommandContext, WriteResult } from './command-context';
import { StaleVersion } from './stale-version.error';
import { WriteTransactions } from './write-transactions';

/** Per event, the metadata the decider cannot know: the network, the business time, and a person's reason. */
export type DescribeEvent<Event, State> = (event: Event, state: State) => { networkId: string; occurredAt: string; reason?: string };

export interface Loaded<State> {
  state: State;
  /** -1 for a stream without events. */
  version: number;
}

const RETRIES_WITHOUT_IF_MATCH = 3;

/** Load the stream, fold it, decide, append with the version read: the whole write side of one command. */
@Injectable()
export class EventSourcedExecutor {
  constructor(private readonly transactions: WriteTransactions) {}

  async load<Command, Event extends DomainEvent<string, object>, State>(decider: Decider<Command, Event, State>, streamId: string): Promise<Loaded<State>> {
    const stored = await this.transactions.streams.readStream(streamId);
    const state = stored.map((event) => upcast(event) as unknown as Event).reduce(decider.evolve, decider.initialState);
    return { state, version: stored.length === 0 ? -1 : stored[stored.length - 1].streamVersion };
  }

  /** The stored events of a stream, upcast, in stream order. */
  async readStream(streamId: string) {
    return (await this.transactions.streams.readStream(streamId)).map(upcast);
  }

  /** Load, fold and decide, without appending: the append a command would make, for a write across streams. */
  async prepare<Command, Event extends DomainEvent<string, object>, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command,
    context: CommandContext,
    describe: DescribeEvent<Event, State>,
  ): Promise<{ append: StreamAppend; events: Event[] }> {
    const { state, version } = await this.load(decider, streamId);
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new StaleVersion(streamId, context.expectedVersion, version);
    }
    const events = decider.decide(command, state);
    if (events.length === 0) throw new Error(`${streamId}: the decider returned no events`);
    const newEvents = events.map((event) => ({
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data as Record<string, unknown>,
      metadata: metadataFor(describe(event, state), context),
    }));
    return { append: { streamId, events: newEvents, expectedVersion: version === -1 ? 'no_stream' : version }, events };
  }

  async execute<Command, Event extends DomainEvent<string, object>, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command,
    context: CommandContext,
    describe: DescribeEvent<Event, State>,
  ): Promise<Omit<WriteResult, 'id'>> {
    const { version, position } = await this.executeReturningEvents(decider, streamId, command, context, describe);
    return { version, position };
  }

  /** As execute, and also the events the decider decided (for a write whose answer names what they created). */
  async executeReturningEvents<Command, Event extends DomainEvent<string, object>, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command,
    context: CommandContext,
    describe: DescribeEvent<Event, State>,
  ): Promise<Omit<WriteResult, 'id'> & { events: Event[] }> {
    for (let attempt = 1; ; attempt++) {
      const { append: planned, events } = await this.prepare(decider, streamId, command, context, describe);
      try {
        const result = await this.transactions.streams.append(streamId, planned.events, planned.expectedVersion);
        return { version: result.nextVersion, position: formatPosition(result.position), events };
      } catch (error) {
        // Someone wrote in between: decide again on the new state, unless the client pinned a version.
        if (!(error instanceof ConcurrencyError)) throw error;
        if (context.expectedVersion !== undefined) throw new StaleVersion(streamId, context.expectedVersion, error.actualVersion);
        if (attempt >= RETRIES_WITHOUT_IF_MATCH) throw error;
      }
    }
  }

  /**
   * One command's appends to several streams, all or nothing (see WriteTransactions.appendAcrossStreams).
   * Each step prepares one stream's append; `context.expectedVersion` pins the first stream's version.
   */
  async executeAcrossStreams(steps: Array<() => Promise<StreamAppend>>, context: CommandContext): Promise<AppendResult[]> {
    for (let attempt = 1; ; attempt++) {
      const appends: StreamAppend[] = [];
      for (const step of steps) appends.push(await step());
      try {
        return await this.transactions.appendAcrossStreams(appends);
      } catch (error) {
        // Only a conflict on the first stream is retried: then nothing of this write was appended, even
        // inside a transaction the request keeps open.
        if (!(error instanceof ConcurrencyError) || error.streamId !== appends[0].streamId) throw error;
        if (context.expectedVersion !== undefined) throw new StaleVersion(error.streamId, context.expectedVersion, error.actualVersion);
        if (attempt >= RETRIES_WITHOUT_IF_MATCH) throw error;
      }
    }
  }
}

function metadataFor(described: ReturnType<DescribeEvent<unknown, unknown>>, context: CommandContext): EventMetadata {
  return {
    actor: context.actor,
    networkId: described.networkId,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: described.occurredAt,
    ...(described.reason ? { reason: described.reason } : {}),
  };
}

import { StoredEvent } from '@kreislauf/event-store';

/**
 * Ways a projection can be handed events it has seen before: a crashed batch replayed, batches that
 * overlap, a duplicate inside one batch. Each gives the batches to apply, in order.
 */
export const REPLAYS: [string, (events: StoredEvent[]) => StoredEvent[][]][] = [
  ['the whole history applied twice', (events) => [events, events]],
  ['every event twice within one batch', (events) => [events.flatMap((event) => [event, event])]],
  ['overlapping batches of seven, each starting three events back', (events) => overlapping(events, 7, 3)],
  ['one event per batch, each applied twice', (events) => events.flatMap((event) => [[event], [event]])],
  ['an earlier batch replayed after the later ones', (events) => [events, events.slice(5, 20)]],
];

function overlapping(events: StoredEvent[], size: number, back: number): StoredEvent[][] {
  const batches: StoredEvent[][] = [];
  for (let start = 0; start < events.length; start += size - back) batches.push(events.slice(start, start + size));
  return batches;
}

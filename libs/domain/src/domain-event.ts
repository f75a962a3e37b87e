/** What a decider returns: the fact, its stored type name and the version of its data's shape. */
export interface DomainEvent<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  schemaVersion: number;
  data: Data;
}

export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

/** ISO calendar date, YYYY-MM-DD: business dates carry no time of day. */
export type IsoDate = string;

export function addDays(date: IsoDate, days: number): IsoDate {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

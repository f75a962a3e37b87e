import { Decider } from '../domain-event';

/** given(events).when(command).then(events) / .thenThrows(ErrorClass): decider specs without a database. */
export function specify<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(...history: Event[]) {
      const state = history.reduce(decider.evolve, decider.initialState);
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: Event[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(errorClass: abstract new (...args: never[]) => Error, code?: string) {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(errorClass);
              if (code) expect(caught).toHaveProperty('code', code);
            },
          };
        },
      };
    },
  };
}

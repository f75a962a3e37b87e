/** A write needs a fact from the read models, and they have not caught up with the event store in time. */
export class ReadModelsBehind extends Error {
  constructor() {
    super('The read models are catching up; retry shortly');
  }
}

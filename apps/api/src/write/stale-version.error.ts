/** The client's If-Match names a version the stream is no longer (or not yet) at. */
export class StaleVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`The resource is at version ${currentVersion}, not ${expectedVersion}`);
  }
}

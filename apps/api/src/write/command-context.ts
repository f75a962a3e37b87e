/** Who sends a command, when, and under which request: everything an event's metadata needs besides the network. */
export interface CommandContext {
  actor: { userId: string; displayName?: string; role: string };
  correlationId: string;
  causationId: string | null;
  /** The request's clock, read once at the edge. */
  now: Date;
  /** From If-Match: the stream version the client saw; a different current version is a conflict. */
  expectedVersion?: number;
}

/** What every write returns: the stream's new version (the ETag) and the global position of its last event. */
export interface WriteResult {
  id: string;
  version: number;
  position: string;
}

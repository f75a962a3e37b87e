import { GlobalPosition } from './event-store.port';

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** The form a position takes in HTTP responses and query strings: `<commit>.<prepare>`. */
export function formatPosition(position: GlobalPosition): string {
  return `${position.commit}.${position.prepare}`;
}

export function parsePosition(text: string): GlobalPosition | null {
  const match = /^(\d{1,20})\.(\d{1,20})$/.exec(text);
  if (!match) return null;
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

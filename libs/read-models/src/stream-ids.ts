/** Streams are named `<aggregate>-<uuid>`. */
export function idOfStream(streamId: string): string {
  return streamId.slice(streamId.indexOf('-') + 1);
}

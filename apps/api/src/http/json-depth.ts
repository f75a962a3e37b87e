/** Deeper JSON is refused before it is parsed: no request body of this api needs more than a few levels. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * body-parser's `verify`: runs on the raw bytes before JSON.parse. A body nested deeper than the limit
 * would otherwise cost the parser, validation and the error path a stack frame per level on the one event
 * loop; a scan of the bytes costs about a millisecond per 256 kB. In UTF-8 no byte of a multi-byte character
 * is an ASCII bracket or quote, so the count is exact.
 */
export function refuseDeepJson(_request: unknown, _response: unknown, body: Buffer): void {
  if (!nestedDeeperThan(body, MAX_JSON_DEPTH)) return;
  throw Object.assign(new Error(`The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
}

export function nestedDeeperThan(body: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index++) {
    const byte = body[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPENERS.has(byte)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(byte)) depth--;
  }
  return false;
}

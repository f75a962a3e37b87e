import type { Options } from 'pino-http';

/** Query parameters whose values never reach the log: tokens in a link (`?access_token=`), codes, secrets. */
const SECRET_PARAMETER = /token|secret|password|passwd|api[-_]?key|signature|session|^code$|^auth/i;
export const REDACTED = '[REDACTED]';

/** The URL with the value of every secret-looking query parameter replaced. */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url || !url.includes('?')) return url;
  const [path, query] = [url.slice(0, url.indexOf('?')), url.slice(url.indexOf('?') + 1)];
  const parameters = query.split('&').map((pair) => {
    const name = pair.split('=', 1)[0];
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // an undecodable name is judged as it stands
    }
    return SECRET_PARAMETER.test(decoded) && pair.includes('=') ? `${name}=${REDACTED}` : pair;
  });
  return `${path}?${parameters.join('&')}`;
}

function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, SECRET_PARAMETER.test(name) ? REDACTED : value]));
}

/** pino-http's options for the api's request log. */
export function requestLogging(level: string): Options {
  return {
    level,
    autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: {
      req: (request: { url?: string; query?: unknown }) => Object.assign(request, { url: redactUrl(request.url), query: redactQuery(request.query) }),
    },
  };
}

import type { WriteResponse } from './types';

/**
 * A problem (RFC 9457) as the api answers it; `errors` names fields for a 400. Wider than the document's `Problem`:
 * the client also makes problems of its own (`network.unreachable`, a gateway's answer that is not problem+json).
 */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: { field: string; messages: string[] }[];
  currentVersion?: number;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  get status(): number {
    return this.problem.status;
  }

  /** The messages the api gave per field (`indicators.0.baseline`), empty when it named none. */
  fieldErrors(): Record<string, string[]> {
    const byField: Record<string, string[]> = {};
    for (const { field, messages } of this.problem.errors ?? []) byField[field] = [...(byField[field] ?? []), ...messages];
    return byField;
  }
}

/** What a write answers: the stream's new version and the global position to read our own write at. */
export type WriteResult = WriteResponse;

/** A list that can grow comes a page at a time; `nextCursor` is sent as `cursor` for the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Pages as large as the api gives: a page that shows a whole list needs few requests. */
const PAGE_LIMIT = 1000;

export interface Api {
  get<T>(path: string, options?: { after?: string | null }): Promise<T>;
  /** Every item of a paged list, following nextCursor to the last page. */
  getAll<T>(path: string, options?: { after?: string | null }): Promise<T[]>;
  getWithVersion<T>(path: string, options?: { after?: string | null }): Promise<{ body: T; version: number | null }>;
  post<T = WriteResult>(path: string, body: unknown, options?: { ifMatch?: number }): Promise<T>;
  download(path: string): Promise<Blob>;
}

export const API_BASE = '/api/v1';

/** The api with the signed-in person's bearer token; a 401 signs them out. */
export function createApi(token: string, onUnauthorised: () => void): Api {
  const request = async (path: string, init: RequestInit = {}, accept = 'application/json'): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    headers.set('accept', `${accept}, application/problem+json`);
    let response: Response;
    try {
      // The api's ETag is a stream's version, meant for If-Match; a view also shows other streams (the goals derived
      // from a round), so a browser revalidating with it would get a 304 for a changed view.
      response = await fetch(`${API_BASE}${path}`, { cache: 'no-store', ...init, headers });
    } catch {
      throw new ApiError({ status: 0, code: 'network.unreachable', title: 'Network error' });
    }
    if (response.status === 401) onUnauthorised();
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  };
  const withParam = (path: string, name: string, value: string) => `${path}${path.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;
  const withAfter = (path: string, after?: string | null) => (after ? withParam(path, 'after', after) : path);
  const get = async <T>(path: string, options: { after?: string | null } = {}) => (await request(withAfter(path, options.after))).json() as Promise<T>;
  return {
    get,
    async getAll<T>(path: string, options: { after?: string | null } = {}) {
      const items: T[] = [];
      let cursor: string | null = null;
      do {
        const sized = withParam(path, 'limit', String(PAGE_LIMIT));
        const page: Page<T> = await get<Page<T>>(cursor === null ? sized : withParam(sized, 'cursor', cursor), options);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return items;
    },
    async getWithVersion<T>(path: string, options: { after?: string | null } = {}) {
      const response = await request(withAfter(path, options.after));
      return { body: (await response.json()) as T, version: versionOf(response.headers.get('etag')) };
    },
    async post<T>(path: string, body: unknown, options: { ifMatch?: number } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
      return (await request(path, { method: 'POST', headers, body: JSON.stringify(body) })).json() as Promise<T>;
    },
    async download(path: string) {
      return (await request(path, {}, '*/*')).blob();
    },
  };
}

function versionOf(etag: string | null): number | null {
  const match = etag ? /^(?:W\/)?"?(\d+)"?$/.exec(etag) : null;
  return match ? Number(match[1]) : null;
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status, code: body.code ?? `http.${response.status}`, title: body.title ?? response.statusText };
  } catch {
    return { status: response.status, code: `http.${response.status}`, title: response.statusText };
  }
}

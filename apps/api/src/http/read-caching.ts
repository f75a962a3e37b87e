import type { NextFunction, Request, Response } from 'express';

/**
 * For every answer of the api under /api/v1. Answers show personal data (contact persons, representatives,
 * raters) and what one person's roles allow, so no cache may keep them: `no-store`. The ETag of a read is
 * the version of one stream, meant for If-Match; a view also shows other streams (organisation names in a
 * body, the goals derived from a round), so a conditional GET must never be answered 304 from it: the
 * request's validators are dropped before Express can compare them.
 */
export function noStoredReads(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  delete request.headers['if-none-match'];
  delete request.headers['if-modified-since'];
  next();
}

import { HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import type { Response } from 'express';
import { WriteResult } from '../write/command-context';
import { ProblemException } from './problem';

/** A path id that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) => Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalidUuid(name) }));

export function invalidUuid(name: string): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', `${name} must be a UUID`, {
    errors: [{ field: name, messages: [`${name} must be a UUID`] }],
  });
}

/** Every write answers with the stream version, also as ETag for a later If-Match. */
export function withETag<T extends WriteResult>(response: Response, result: T): T {
  response.setHeader('ETag', `"${result.version}"`);
  return result;
}

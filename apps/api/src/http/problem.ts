import { HttpException } from '@nestjs/common';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The stable problem type URI for a code such as `goal.not_active`. */
export function problemType(code: string): string {
  return `https://kreislauf.app/problems/${code}`;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  [extension: string]: unknown;
}

/** A 4xx/5xx answer with a stable code, rendered as RFC 9457 problem details by the one exception filter. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title, status);
  }
}

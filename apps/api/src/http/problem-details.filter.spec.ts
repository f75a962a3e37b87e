import { ArgumentsHost, HttpStatus, Logger } from '@nestjs/common';
import { ReadModelsBehind } from '../write/read-models-behind.error';
import { ProblemDetailsFilter } from './problem-details.filter';
import { ProblemException } from './problem';

/** The status, headers and body the filter answers an error with. */
function answer(error: unknown): { status?: number; headers: Record<string, string>; body?: unknown } {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
  const response = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(status: number) {
      sent.status = status;
      return this;
    },
    type() {
      return this;
    },
    send(body: string) {
      sent.body = JSON.parse(body);
    },
  };
  new ProblemDetailsFilter().catch(error, { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost);
  return sent;
}

describe('ProblemDetailsFilter', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('answers a write whose read-model facts are behind with 503 read_model.behind and Retry-After, as a read that waits too long', () => {
    const behind = answer(new ReadModelsBehind());
    expect(behind).toEqual({
      status: HttpStatus.SERVICE_UNAVAILABLE,
      headers: { 'Retry-After': '2' },
      body: {
        type: 'https://kreislauf.app/problems/read_model.behind',
        title: 'Read models are behind',
        status: 503,
        detail: 'The read models are catching up; retry shortly',
        code: 'read_model.behind',
      },
    });
    expect(behind).toEqual(answer(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'read_model.behind', 'Read models are behind', 'The read models are catching up; retry shortly')));
  });
});

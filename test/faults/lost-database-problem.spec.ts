import { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, ProblemDetailsFilter } from '../../apps/api/src/http/problem-details.filter';

/** The errors node-postgres and TypeORM raise when PostgreSQL is gone become 503 with Retry-After, not 500. */
describe('a lost database as a problem response', () => {
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });
  const unavailable: [string, unknown][] = [
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connect that tried several addresses', new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], 'connect failed')],
    ['a server shutting down', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', pgError('57P03', 'the database system is starting up')],
    ['a server out of connections', pgError('53300', 'sorry, too many clients already')],
    ['a broken connection (class 08)', pgError('08006', 'connection failure')],
    ['a connection that ended under a query', new Error('Connection terminated unexpectedly')],
    ['a client that broke before', new Error('Client has encountered a connection error and is not queryable')],
    ['TypeORM wrapping a refused connection', new QueryFailedError('SELECT 1', [], Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))],
  ];

  it.each(unavailable)('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', pgError('42601', 'syntax error at or near "SELEC"')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing at all', undefined],
  ])('does not take %s for one', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('answers 503 service.unavailable with Retry-After', () => {
    const sent: { status?: number; headers: Record<string, string>; type?: string; body?: string } = { headers: {} };
    const response = {
      setHeader: (name: string, value: string) => (sent.headers[name] = value),
      status(status: number) {
        sent.status = status;
        return this;
      },
      type(type: string) {
        sent.type = type;
        return this;
      },
      send: (body: string) => (sent.body = body),
    };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;

    new ProblemDetailsFilter().catch(pgError('57P01', 'terminating connection due to administrator command'), host);

    expect(sent.status).toBe(503);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.headers['Retry-After']).toMatch(/^\d+$/);
    expect(JSON.parse(sent.body!)).toMatchObject({ status: 503, code: 'service.unavailable', type: 'https://kreislauf.app/problems/service.unavailable' });
  });
});

import { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Decider, DomainEvent } from '@kreislauf/domain';
import { EventStore } from '@kreislauf/event-store';
import { defer, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { CommandContext } from '../../write/command-context';
import { EventSourcedExecutor } from '../../write/event-sourced-executor';
import { WriteTransactions } from '../../write/write-transactions';
import { IdempotencyInterceptor } from '../idempotency.interceptor';

type Counted = DomainEvent<'Counted', { note: string }>;
const counter: Decider<{ note: string }, Counted, number> = {
  initialState: 0,
  decide: (command) => [{ type: 'Counted', schemaVersion: 1, data: { note: command.note } }],
  evolve: (count) => count + 1,
};

const context: CommandContext = { actor: { userId: 'u-1', role: 'admin' }, correlationId: 'c-1', causationId: null, now: new Date('2026-03-01T10:00:00Z') };

/** The scope the interceptor files a key of `post(key, streamId, …)` under. */
export const counterScope = (streamId: string) => `u-1 POST /api/v1/counters/${streamId}`;

/**
 * The write path of one api process without HTTP: the Idempotency-Key interceptor in front of a handler
 * that appends one event through the executor. `afterAppend` runs between the append and the answer.
 */
export function keyedCounterApi(store: EventStore, dataSource: DataSource) {
  const transactions = new WriteTransactions(store);
  const executor = new EventSourcedExecutor(transactions);
  const interceptor = new IdempotencyInterceptor(dataSource, new Reflector(), transactions);
  let runs = 0;
  async function post(key: string, streamId: string, note: string, afterAppend: () => Promise<void> = async () => undefined) {
    const headers: Record<string, string> = {};
    const response = { statusCode: 201, status: (code: number) => (response.statusCode = code), setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value) };
    const request = { method: 'POST', path: `/api/v1/counters/${streamId}`, body: { note }, header: (name: string) => (name === 'idempotency-key' ? key : undefined), access: { actor: { userId: 'u-1', role: 'coordinator' }, networkId: null } };
    const http = { getRequest: () => request, getResponse: () => response };
    const execution = { switchToHttp: () => http, getHandler: () => post } as unknown as ExecutionContext;
    const handler: CallHandler = {
      handle: () =>
        defer(async () => {
          runs++;
          const written = await executor.execute(counter, streamId, { note }, context, () => ({ networkId: 'n-1', occurredAt: '2026-03-01' }));
          await afterAppend();
          return { id: streamId, ...written };
        }),
    };
    const body = await lastValueFrom(await interceptor.intercept(execution, handler));
    return { body, status: response.statusCode, headers };
  }
  return { post, runs: () => runs };
}

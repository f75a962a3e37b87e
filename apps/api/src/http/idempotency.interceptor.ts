import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DataSource } from 'typeorm';
import { EventStoreTransaction } from '@kreislauf/event-store';
import { WriteTransactions } from '../write/write-transactions';
import { ProblemException } from './problem';
import { RequestWithActor } from './request-context';

const KEY_PATTERN = /^[\w.:-]{1,200}$/;

interface StoredAnswer {
  request_hash: string;
  status_code: number | null;
  response: { version?: unknown } | null;
}

/**
 * `Idempotency-Key` on a write: the first request's response is stored and a retry with the same key and
 * body gets it again without a second write. The record lives in PostgreSQL in front of any event store.
 *
 * With events in PostgreSQL the record is written in the request's transaction, beside its events: a
 * committed write always has its answer, and a write that did not commit (refused, crashed, database
 * gone) leaves no record, so that its retry runs afresh. EventStoreDB commits on its own; there the key
 * is claimed before the write and the answer stored after it, and a crash in between leaves the claim.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
    private readonly transactions: WriteTransactions,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.header('idempotency-key');
    if (key === undefined || request.method === 'GET') return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'idempotency.invalid_key', 'Invalid Idempotency-Key', 'Use 1 to 200 letters, digits, ".", ":", "_" or "-"');
    }
    const scope = `${(request as RequestWithActor).access?.actor.userId ?? 'anonymous'} ${request.method} ${request.path}`;
    const requestHash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex');
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const response = context.switchToHttp().getResponse<Response>();
    if (this.transactions.atomic) {
      return from(this.transactions.run((transaction) => this.answerWithin(transaction!, { key, scope, requestHash, status }, response, next)));
    }

    const claimed = await this.dataSource.query(
      `INSERT INTO idempotency_keys (key, scope, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [key, scope, requestHash],
    );
    if (claimed.length === 0) return of(await this.replay(key, scope, requestHash, response));

    return next.handle().pipe(
      mergeMap((body) =>
        from(
          this.dataSource
            .query(`UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE key = $1 AND scope = $2`, [key, scope, status, JSON.stringify(body)])
            .then(() => body),
        ),
      ),
      // Nothing was written: free the key so that a corrected retry can run. If the database is gone, the
      // client is told why the request failed, not why freeing the key did.
      catchError((error) =>
        from(
          this.dataSource.query(`DELETE FROM idempotency_keys WHERE key = $1 AND scope = $2`, [key, scope]).then(
            () => Promise.reject(error),
            () => Promise.reject(error),
          ),
        ),
      ),
    );
  }

  /**
   * In the request's transaction: a stored answer is replayed; otherwise the request runs and its answer
   * is stored before the commit. The lock makes a concurrent copy answer "in progress" instead of waiting
   * with a connection held; the transaction's end, a crash included, releases it.
   */
  private async answerWithin(
    transaction: EventStoreTransaction,
    request: { key: string; scope: string; requestHash: string; status: number },
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const { key, scope, requestHash, status } = request;
    const [lock] = await transaction.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [
      `idempotency ${scope} ${key}`,
    ]);
    if (!lock.locked) throw inProgress();
    const [stored] = await transaction.query<StoredAnswer>(`SELECT request_hash, status_code, response FROM idempotency_keys WHERE key = $1 AND scope = $2`, [
      key,
      scope,
    ]);
    if (stored) {
      // Nothing running holds the lock, so an unanswered record is a claim an older version left when its
      // process died: whether that write committed cannot be known, and waiting would never end.
      if (stored.status_code === null && stored.request_hash === requestHash) throw outcomeUnknown();
      return this.replayStored(stored, requestHash, response);
    }
    const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    await transaction.query(`INSERT INTO idempotency_keys (key, scope, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5)`, [
      key,
      scope,
      requestHash,
      status,
      JSON.stringify(body),
    ]);
    return body;
  }

  private async replay(key: string, scope: string, requestHash: string, response: Response): Promise<unknown> {
    const [stored] = await this.dataSource.query(
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE key = $1 AND scope = $2`,
      [key, scope],
    );
    // Gone between the insert and this read: the first request failed and freed the key just now.
    if (!stored) throw inProgress();
    return this.replayStored(stored, requestHash, response);
  }

  private replayStored(stored: StoredAnswer, requestHash: string, response: Response): unknown {
    if (stored.request_hash !== requestHash) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'idempotency.key_reused',
        'Idempotency-Key reused',
        'This Idempotency-Key was used for a different request body',
      );
    }
    if (stored.status_code === null) throw inProgress();
    response.status(stored.status_code);
    response.setHeader('Idempotent-Replayed', 'true');
    if (typeof stored.response?.version === 'number') response.setHeader('ETag', `"${stored.response.version}"`);
    return stored.response;
  }
}

function outcomeUnknown(): ProblemException {
  return new ProblemException(
    HttpStatus.CONFLICT,
    'idempotency.outcome_unknown',
    'Outcome unknown',
    'The first request with this Idempotency-Key ended before its answer was stored; check whether it was written, then send it with a new key',
  );
}

function inProgress(): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, 'idempotency.in_progress', 'Request in progress', 'A request with this Idempotency-Key is being processed; retry shortly');
}

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WriteTransactions } from './write-transactions';

const EVERY_MS = 60_000;
/** A write younger than this may still be running in some replica. */
const SETTLE_MS = 30_000;

/**
 * On a store without transactions (EventStoreDB), finishes the multi-stream writes a process left
 * half-done when it died: once at start and then every minute, for a replica that died while others run.
 */
@Injectable()
export class MultiStreamCompletion implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MultiStreamCompletion');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly transactions: WriteTransactions) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.transactions.atomic) return;
    await this.completeSettled();
    this.timer = setInterval(() => void this.completeSettled(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async completeSettled(): Promise<void> {
    try {
      const outcomes = await this.transactions.multiStreamWrites.completePending({ recordedBefore: new Date(Date.now() - SETTLE_MS) });
      for (const [recordId, completion] of outcomes) {
        this.logger.warn(`finished a multi-stream write a process left half-done (${recordId}): ${completion.outcome}`);
      }
    } catch (error) {
      // The next round tries again; a store that is down is reported by /health, not here.
      this.logger.error(`could not finish pending multi-stream writes: ${String(error)}`);
    }
  }
}

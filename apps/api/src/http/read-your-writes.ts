import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { parsePosition } from '@kreislauf/event-store';
import { APP_CONFIG, AppConfig, ReadModelPositions } from '@kreislauf/storage';
import { ProblemException } from './problem';

/** `?after=<position>` on a read: wait (bounded) until the read models have applied that write. */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly positions: ReadModelPositions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensure(after: string | undefined): Promise<void> {
    if (after === undefined) return;
    const position = parsePosition(after);
    if (!position) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', 'after must be a position as returned by a write', {
        errors: [{ field: 'after', messages: ['after must be a position as returned by a write, e.g. 748.12'] }],
      });
    }
    if (!(await this.positions.waitFor(position, this.config.READ_YOUR_WRITES_TIMEOUT_MS))) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'read_model.behind',
        'Read models are behind',
        `The read models have not reached position ${after} within ${this.config.READ_YOUR_WRITES_TIMEOUT_MS} ms; retry shortly`,
      );
    }
  }
}

import { Injectable } from '@nestjs/common';
import { ErasePersonalData, personDecider } from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';
import { PersonalDataVault } from './personal-data-vault';

const personStream = (personId: string) => `person-${personId}`;

/** A person no network is known for is erased in no network's log. */
const NO_NETWORK = '';

@Injectable()
export class PersonWrites {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly vault: PersonalDataVault,
  ) {}

  /**
   * Deletes the key first, then records the erasure in the person's stream: if the record fails, the data is
   * erased all the same and a retry adds the record; the record never claims an erasure that did not happen.
   */
  async erasePersonalData(command: ErasePersonalData, context: CommandContext): Promise<WriteResult> {
    await this.vault.erase(command.personId);
    const { version, position } = await this.executor.execute(personDecider, personStream(command.personId), command, context, () => ({
      networkId: command.networkId ?? NO_NETWORK,
      occurredAt: command.erasedOn,
      reason: command.reason,
    }));
    return { id: command.personId, version, position };
  }
}

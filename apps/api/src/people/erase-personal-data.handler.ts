import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ErasePersonalData, personDecider } from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';
import { PersonalDataVault } from './personal-data-vault';

export const personStream = (personId: string) => `person-${personId}`;

/** A person no network is known for is erased in no network's log. */
const NO_NETWORK = '';

export class ErasePersonalDataCommand extends Command<WriteResult> {
  constructor(
    readonly command: ErasePersonalData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Deletes the key first, then records the erasure in the person's stream: if the record fails, the data is
 * erased all the same and a retry adds the record; the record never claims an erasure that did not happen.
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ command, context }: ErasePersonalDataCommand): Promise<WriteResult> {
    await this.vault.erase(command.personId);
    const { version, position } = await this.executor.execute(personDecider, personStream(command.personId), command, context, () => ({
      networkId: command.networkId ?? NO_NETWORK,
      occurredAt: command.erasedOn,
      reason: command.reason,
    }));
    return { id: command.personId, version, position };
  }
}

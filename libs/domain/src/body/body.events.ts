import { assertNever } from '../event-contract';
import { BodyEvent } from './body.contract';

export * from './body.contract';

export function bodyEventOccurredOn(event: BodyEvent): string {
  switch (event.type) {
    case 'BodyEstablished':
      return event.data.establishedOn;
    case 'BodyMembersChanged':
      return event.data.changedOn;
    case 'BodyDissolved':
      return event.data.dissolvedOn;
    default:
      return assertNever(event, 'body event');
  }
}

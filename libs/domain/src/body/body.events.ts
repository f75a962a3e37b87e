import { DomainEvent } from '../domain-event';
import { ChangeBodyMembers, DissolveBody, EstablishBody } from './body.commands';

export type BodyEstablished = DomainEvent<'BodyEstablished', EstablishBody['data']>;
/** Carries the whole new member list, not a difference. */
export type BodyMembersChanged = DomainEvent<'BodyMembersChanged', ChangeBodyMembers['data']>;
export type BodyDissolved = DomainEvent<'BodyDissolved', DissolveBody['data']>;

export type BodyEvent = BodyEstablished | BodyMembersChanged | BodyDissolved;

export const BODY_EVENT_TYPES: BodyEvent['type'][] = ['BodyEstablished', 'BodyMembersChanged', 'BodyDissolved'];

export function bodyEventOccurredOn(event: BodyEvent): string {
  switch (event.type) {
    case 'BodyEstablished':
      return event.data.establishedOn;
    case 'BodyMembersChanged':
      return event.data.changedOn;
    case 'BodyDissolved':
      return event.data.dissolvedOn;
  }
}

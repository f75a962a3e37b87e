import { BodyKind } from '../catalogues/decision-subjects';
import { DomainEvent, IsoDate } from '../domain-event';
import { EventContract, FIRST_VERSION } from '../event-contract';
import { BodyMember } from './body.commands';

// The stored shape of each body event. These types are the stored format: a field changes only with a new
// schema version and an upcaster from the version before.

export interface BodyEstablishedData {
  networkId: string;
  kind: BodyKind;
  name: string;
  meetingsPerYear: number;
  members: BodyMember[];
  establishedOn: IsoDate;
}

/** Carries the whole new member list, not a difference. */
export interface BodyMembersChangedData {
  members: BodyMember[];
  changedOn: IsoDate;
}

export interface BodyDissolvedData {
  dissolvedOn: IsoDate;
  reason: string;
}

export type BodyEstablished = DomainEvent<'BodyEstablished', BodyEstablishedData>;
export type BodyMembersChanged = DomainEvent<'BodyMembersChanged', BodyMembersChangedData>;
export type BodyDissolved = DomainEvent<'BodyDissolved', BodyDissolvedData>;

export type BodyEvent = BodyEstablished | BodyMembersChanged | BodyDissolved;

export const bodyEventRegistry = {
  BodyEstablished: FIRST_VERSION,
  BodyMembersChanged: FIRST_VERSION,
  BodyDissolved: FIRST_VERSION,
} as const satisfies Record<BodyEvent['type'], EventContract>;

export const BODY_EVENT_TYPES = Object.keys(bodyEventRegistry) as BodyEvent['type'][];

/** A body's events live in one stream of its own. */
export const bodyStreamOf = (bodyId: string): string => `body-${bodyId}`;

import { assessmentEventRegistry } from './assessment/assessment.contract';
import { bodyEventRegistry } from './body/body.contract';
import { EventContract } from './event-contract';
import { frameworkEventRegistry } from './framework/framework.contract';
import { goalEventRegistry } from './goal/goal.contract';
import { meetingEventRegistry } from './meeting/meeting.contract';
import { networkEventRegistry } from './network/network.contract';
import { offerEventRegistry } from './offer/offer.contract';
import { organisationEventRegistry } from './organisation/organisation.contract';
import { personEventRegistry } from './person/person.contract';
import type { AssessmentEvent } from './assessment';
import type { BodyEvent } from './body';
import type { FrameworkEvent } from './framework';
import type { GoalEvent } from './goal/goal.events';
import type { MeetingEvent } from './meeting';
import type { NetworkEvent } from './network/network.events';
import type { OfferEvent } from './offer';
import type { OrganisationEvent } from './organisation';
import type { PersonEvent } from './person';

/** Every event the aggregates of the domain emit. */
export type AnyEvent = NetworkEvent | GoalEvent | OrganisationEvent | BodyEvent | MeetingEvent | OfferEvent | FrameworkEvent | AssessmentEvent | PersonEvent;
export type AnyEventType = AnyEvent['type'];

/** Every aggregate's registry by aggregate: each event type is in exactly one of them. */
export const AGGREGATE_EVENT_REGISTRIES = {
  network: networkEventRegistry,
  goal: goalEventRegistry,
  organisation: organisationEventRegistry,
  body: bodyEventRegistry,
  meeting: meetingEventRegistry,
  offer: offerEventRegistry,
  framework: frameworkEventRegistry,
  assessment: assessmentEventRegistry,
  person: personEventRegistry,
} as const;

/** Takes a registry whose keys are exactly `Type`: a missing event type and one of no aggregate both fail to compile. */
function registryOf<Type extends string>() {
  return <Registry extends Record<Type, EventContract>>(registry: Registry & Record<Exclude<keyof Registry, Type>, never>): Registry => registry;
}

/** The contract of every event type the domain stores, from the aggregates' registries: one upcast reads them all. */
export const EVENT_REGISTRY = registryOf<AnyEventType>()({
  ...networkEventRegistry,
  ...goalEventRegistry,
  ...organisationEventRegistry,
  ...bodyEventRegistry,
  ...meetingEventRegistry,
  ...offerEventRegistry,
  ...frameworkEventRegistry,
  ...assessmentEventRegistry,
  ...personEventRegistry,
});

export type EventRegistry = typeof EVENT_REGISTRY;

/** Every stored event type, in the registry's order. */
export const EVENT_TYPES = Object.keys(EVENT_REGISTRY) as AnyEventType[];

export function isEventType(type: string): type is AnyEventType {
  return Object.hasOwn(EVENT_REGISTRY, type);
}

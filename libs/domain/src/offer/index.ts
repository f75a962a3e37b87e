export * from './offer.errors';
export * from './offer.commands';
export * from './offer.events';
export * from './offer.decider';
export * from './target-groups';

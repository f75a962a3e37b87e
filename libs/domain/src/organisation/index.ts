export * from './organisation.errors';
export * from './organisation.commands';
export * from './organisation.events';
export * from './organisation.decider';
export * from '../catalogues/sectors';

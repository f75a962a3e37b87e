export * from './body.errors';
export * from './body.commands';
export * from './body.events';
export * from './body.decider';

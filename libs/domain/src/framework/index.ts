export * from './framework.commands';
export * from './framework.events';
export * from './framework.errors';
export * from './framework.decider';

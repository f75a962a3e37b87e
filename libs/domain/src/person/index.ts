export * from './person.commands';
export * from './person.events';
export * from './person.errors';
export * from './person.decider';

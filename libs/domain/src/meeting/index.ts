export * from './meeting.errors';
export * from './meeting.commands';
export * from './meeting.events';
export * from './meeting.decider';

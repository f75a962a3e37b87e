export * from './leitbild.commands';
export * from './leitbild.events';
export * from './leitbild.errors';

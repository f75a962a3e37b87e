export * from './organisation.errors';

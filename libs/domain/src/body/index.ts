export * from './body.errors';

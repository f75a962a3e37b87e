export * from './app-config';
export * from './embedded-postgres';
export * from './storage.module';
export * from './read-model-positions';
export * from './projection-worker';
export * from './storage-options';
export * from './resolve-database';
export * from './process-lifecycle';

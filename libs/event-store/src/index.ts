// The contract suite (./event-store.contract) is not exported here: it needs jest's globals.
export * from './event-store.port';
export * from './global-position';
export * from './hash-chain';
export * from './chain-verification';
export * from './audit-bundle';
export * from './multi-stream-write';
export { PostgresEventStore } from './postgres/postgres-event-store';
export type { PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
export type { EventStoreDbEventStoreOptions } from './eventstoredb/eventstoredb-event-store';

export * from './audit-log.entities';
export * from './audit-log.projection';
export * from './audit-log.reader';
export * from './audit-summaries';

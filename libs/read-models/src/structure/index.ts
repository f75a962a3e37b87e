export * from './decision.entity';
export * from './structure.entities';
export * from './structure.projection';

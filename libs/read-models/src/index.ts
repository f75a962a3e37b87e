export * from './projection';
export * from './read-models';
export * from './runner/projection-runner';
export * from './runner/projection-checkpoint.entity';
export * from './networks/network.entities';
export * from './goals/goal.entities';
export * from './goals/goal-progress';
export * from './goal-history/goal-history.entity';

export * from './digest-frequency';
export * from './proposal-digest.planner';
export * from './proposal-reasons.util';
export * from './proposal-openness.policy';

export * from './digest-frequency';
export * from './proposal-digest.planner';
export * from './proposal-reasons.util';

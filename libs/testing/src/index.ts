export * from './infra/test-infra';

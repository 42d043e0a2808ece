export * from './infra/test-infra';
export * from './wait/wait-until';
export * from './wait/free-port';

export * from './email';
export * from './webhook';

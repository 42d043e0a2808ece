export * from './notification-channel';
export * from './preferences.errors';
export * from './unsubscribe-token.util';

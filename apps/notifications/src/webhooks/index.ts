export * from './webhook-headers.constants';
export * from './webhook-retry.policy';
export * from './webhook-signature.util';
export * from './webhook-subscription-health.policy';
export * from './webhooks.errors';

export * from './email-sender';
export * from './email.errors';
export * from './smtp-error.classifier';

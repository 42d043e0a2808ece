import { Global, Module } from '@nestjs/common';
import { IdempotentCommands } from './idempotent-commands';

/** Idempotency-Key handling for every creating POST of the service. */
@Global()
@Module({ providers: [IdempotentCommands], exports: [IdempotentCommands] })
export class IdempotencyModule {}

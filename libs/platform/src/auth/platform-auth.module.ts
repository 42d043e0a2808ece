import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
import { TokenVerifier } from './token.verifier';

/** Registers {@link JwtAuthGuard} globally and exports {@link TokenVerifier}. Requires PlatformConfigModule. */
@Module({
  providers: [TokenVerifier, { provide: APP_GUARD, useClass: JwtAuthGuard }],
  exports: [TokenVerifier],
})
export class PlatformAuthModule {}

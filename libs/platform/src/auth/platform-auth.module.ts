import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConsoleAuthController } from './console-auth.controller';
import { JwtAuthGuard } from './jwt-auth.guard';
import { TokenVerifier } from './token.verifier';

/**
 * Registers {@link JwtAuthGuard} globally, exports {@link TokenVerifier} and serves the consoles' sign-in
 * endpoints ({@link ConsoleAuthController}). Requires PlatformConfigModule.
 */
@Module({
  controllers: [ConsoleAuthController],
  providers: [TokenVerifier, { provide: APP_GUARD, useClass: JwtAuthGuard }],
  exports: [TokenVerifier],
})
export class PlatformAuthModule {}

import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BaseEnv } from '../config/base.env';
import { DomainError, DomainErrorKind } from '../http/domain.error';
import { consoleSignIn, developmentSignInEnabled, type ConsoleSignIn } from './console-sign-in';
import { devTokenSubject, signDevToken } from './dev-token.signer';
import { DevTokenRequestDto, DevTokenResponseDto } from './dev-token.request';
import { Public } from './public.decorator';

/** Development tokens live a working day, or less when the service accepts less. */
const DEV_TOKEN_SECONDS = 8 * 3600;

/**
 * What a console needs before anyone is signed in: how to sign in, and (in development only) a
 * token for a chosen role. Public by necessity — there is no token yet; neither reveals data.
 */
@ApiTags('console sign-in')
@Controller('auth')
export class ConsoleAuthController {
  constructor(@Inject(BaseEnv) private readonly env: BaseEnv) {}

  @Get('console-config')
  @Public()
  @ApiOperation({ summary: "How this service's console signs users in (development page or OpenID Connect)" })
  config(): ConsoleSignIn {
    return consoleSignIn(this.env);
  }

  @Post('dev-token')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Development only: a token for the chosen role (404 in production or when an identity provider is configured)',
  })
  @ApiOkResponse({ type: DevTokenResponseDto })
  async devToken(@Body() dto: DevTokenRequestDto): Promise<DevTokenResponseDto> {
    // 404, as for a route that does not exist: production gives no hint that it could mint tokens.
    if (!developmentSignInEnabled(this.env)) {
      throw new DomainError('DEV_SIGN_IN_DISABLED', DomainErrorKind.NotFound, 'Cannot POST /auth/dev-token');
    }
    const expiresIn = Math.min(DEV_TOKEN_SECONDS, this.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS);
    const accessToken = await signDevToken({
      secret: this.env.AUTH_JWT_SECRET!,
      roles: [dto.role],
      sub: devTokenSubject([dto.role], dto.municipalityId),
      municipalityId: dto.municipalityId,
      name: dto.name,
      ttl: expiresIn + Math.floor(Date.now() / 1000),
    });
    return { accessToken, expiresIn };
  }
}

// Public surface of @bridges/platform: config, logging, health, metrics, auth and HTTP conventions
// shared by every Bridges service. Import from '@bridges/platform' only; deep paths are internal.

export { PlatformModule, type PlatformOptions } from './platform.module';

// config
export {
  BaseEnv,
  DEV_JWT_SECRET,
  IsNotPlaceholderInProduction,
  PLACEHOLDER_SECRET,
  LOG_LEVELS,
  NODE_ENVS,
  type LogLevel,
  type NodeEnv,
} from './config/base.env';
export { loadConfig, type EnvClass, type EnvSource } from './config/config.loader';
export { ConfigValidationError, type ConfigProblem } from './config/config-validation.error';
export { PlatformConfigModule, type PlatformConfigOptions } from './config/platform-config.module';

// logging
export { CORRELATION_ID_HEADER, CorrelationContext } from './logging/correlation.context';
export {
  correlationIdMiddleware,
  resolveCorrelationId,
  type CorrelatedRequest,
} from './logging/correlation-id.middleware';
export { createHttpLogger, createRootLogger, type RootLoggerOptions } from './logging/logger.factory';
export { HTTP_LOGGER, ROOT_LOGGER } from './logging/logging.tokens';
export { PlatformLoggingModule, type LoggingOptions } from './logging/platform-logging.module';

// health
export type { ReadinessCheck } from './health/readiness-check';
export { ReadinessRegistry } from './health/readiness.registry';
export { ReadinessEvaluator, READINESS_TIMEOUT_MS, type ReadinessReport } from './health/readiness.evaluator';
export { DatabaseReadinessCheck } from './health/database.readiness-check';
export { PlatformHealthModule, type HealthOptions } from './health/platform-health.module';

// metrics
export { MetricsService, HTTP_DURATION_BUCKETS } from './metrics/metrics.service';
export { PlatformMetricsModule } from './metrics/platform-metrics.module';

// auth
export { Role, ALL_ROLES, COORDINATOR_ROLES, isRole } from './auth/role';
export type { AuthenticatedUser } from './auth/authenticated-user';
export { Public, IS_PUBLIC_KEY } from './auth/public.decorator';
export { Roles, ROLES_KEY } from './auth/roles.decorator';
export { CurrentUser } from './auth/current-user.decorator';
export { JwtAuthGuard } from './auth/jwt-auth.guard';
export { TokenVerifier, TokenRejectedError } from './auth/token.verifier';
export { devTokenSubject, signDevToken, type DevTokenOptions } from './auth/dev-token.signer';
export {
  assertCanActOnMunicipality,
  canActOnMunicipality,
  type MunicipalityScopeOptions,
} from './auth/municipality-scope';
export { PlatformAuthModule } from './auth/platform-auth.module';

// http
export { createValidationPipe, flattenValidationErrors, validationFailed } from './http/validation.pipe';
export { findUnsafeInput, MAX_INPUT_DEPTH } from './http/unsafe-input.scan';
export { rejectUnsafeBody } from './http/unsafe-body.middleware';
export { NormalizedText, normalizeText, NORMALIZED_TEXT_NOTE } from './http/normalized-text.decorator';
export { NotBelow } from './http/not-below.decorator';
export { isDependencyUnavailable, RETRY_AFTER_SECONDS } from './http/dependency-unavailable';
export type { FieldError, ValidationErrorBody } from './http/field-error';
export {
  AllExceptionsFilter,
  DOMAIN_ERROR_STATUS,
  type ErrorBody,
  type ErrorResponse,
} from './http/all-exceptions.filter';
export { DomainError, DomainErrorKind } from './http/domain.error';
export {
  ApiIfMatch,
  assertVersion,
  etagOf,
  requiredVersion,
  StaleVersionError,
  StaleVersionFilter,
} from './http/if-match';
export {
  bootstrapHttpApp,
  createServiceApp,
  openApiConfig,
  type HttpAppOptions,
} from './http/http-app.bootstrap';
export { builtConsoleDirectory, CONSOLE_PATH } from './http/console.static';
export { consoleSignIn, developmentSignInEnabled, type ConsoleSignIn } from './auth/console-sign-in';
export { PageQueryDto, type Page } from './http/page-query.dto';

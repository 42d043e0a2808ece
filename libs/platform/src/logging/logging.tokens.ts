/** Injection token of the process's root pino `Logger`. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Injection token of the pino-http middleware (mounted by `bootstrapHttpApp` before the body parser). */
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');

/** Injection token of {@link LoggingOptions}. */
export const LOGGING_OPTIONS = Symbol('LOGGING_OPTIONS');

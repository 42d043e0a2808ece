/** One problem with one environment variable, in words an operator can act on. */
export interface ConfigProblem {
  readonly variable: string;
  readonly messages: readonly string[];
}

/**
 * Thrown once at boot when the environment does not satisfy the app's env class. The message lists
 * every bad variable at once, so an operator fixes the deployment in one round instead of several.
 */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';

  constructor(
    readonly envClassName: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      `Invalid configuration for ${envClassName} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.variable}: ${p.messages.join('; ')}`).join('\n'),
    );
  }

  /** Names of the variables that failed, in the order of the env class. */
  get variables(): string[] {
    return this.problems.map((p) => p.variable);
  }
}

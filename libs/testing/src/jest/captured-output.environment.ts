import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { routeOutputToFile } from './captured-output';
import { testLogFile } from './test-log-file';

/**
 * jest's node environment, with everything a test file's code prints written to that file's log
 * (`.local/test-logs/<project>/<test path>.log`, see ./test-log-file.js) instead of between jest's
 * PASS/FAIL lines, where expected warnings and errors look like failures. When a test fails,
 * ./captured-output.reporter.js shows the log. TEST_LOGS=inline prints everything as before.
 */
export default class CapturedOutputEnvironment extends TestEnvironment {
  private readonly logFile: string | undefined;
  private restoreOutput?: () => void;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.logFile = testLogFile(config.projectConfig, context.testPath);
  }

  // In setup, not the constructor: jest puts its own console into the global between the two.
  override async setup(): Promise<void> {
    await super.setup();
    if (this.logFile) {
      this.restoreOutput = routeOutputToFile(this.global, this.logFile);
    }
  }

  override async teardown(): Promise<void> {
    this.restoreOutput?.();
    await super.teardown();
  }
}

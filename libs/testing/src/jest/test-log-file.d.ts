import type { Config } from '@jest/types';

/**
 * The file that holds what `testPath` and the code it runs printed: `<logDir>/<project>/<path of the
 * test file from rootDir>.log`. Undefined when the project does not capture output (no `logDir` in its
 * `testEnvironmentOptions`, or TEST_LOGS=inline).
 */
export function testLogFile(
  projectConfig: Pick<Config.ProjectConfig, 'rootDir' | 'displayName' | 'testEnvironmentOptions'>,
  testPath: string,
): string | undefined;

// Plain JavaScript: jest loads reporters without transforming them, and the reporter and the test
// environment (TypeScript) must agree on where a test file's output goes.
const { join, relative } = require('node:path');

/**
 * The file that holds what `testPath` and the code it runs printed: `<logDir>/<project>/<path of the
 * test file from rootDir>.log`. Undefined when the project does not capture output (no `logDir` in its
 * `testEnvironmentOptions`, or TEST_LOGS=inline).
 */
function testLogFile(projectConfig, testPath) {
  const logDir = projectConfig.testEnvironmentOptions && projectConfig.testEnvironmentOptions.logDir;
  if (!logDir || process.env.TEST_LOGS === 'inline') return undefined;
  const project = (projectConfig.displayName && projectConfig.displayName.name) || 'tests';
  return join(logDir, project, `${relative(projectConfig.rootDir, testPath)}.log`);
}

module.exports = { testLogFile };

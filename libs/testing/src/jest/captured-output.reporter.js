// Plain JavaScript: jest loads reporters without transforming them.
const { existsSync, readFileSync } = require('node:fs');
const { relative } = require('node:path');
const { testLogFile } = require('./test-log-file');

/** Relative to the working directory when the file is below it (the usual case), else absolute. */
function displayPath(file) {
  const shown = relative(process.cwd(), file);
  return shown.startsWith('..') ? file : shown;
}

/**
 * The other half of ./captured-output.environment.ts: a test file's output went to its log, so when one
 * of its tests fails (or the file cannot run) this prints, right after jest's report of the file, the
 * log's path and its last `tailLines` lines; at the end of the run, the logs of every failing file.
 * Options: `{ tailLines }` (default 40).
 */
class CapturedOutputReporter {
  constructor(_globalConfig, options = {}) {
    this.tailLines = options.tailLines ?? 40;
    this.failedLogs = [];
  }

  onRunStart() {
    this.failedLogs = [];
  }

  onTestResult(test, result) {
    if (result.numFailingTests === 0 && !result.testExecError) return;
    const file = testLogFile(test.context.config, result.testFilePath);
    if (!file) return;
    const shown = displayPath(file);
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
    if (lines.at(-1) === '') lines.pop();
    if (lines.length === 0) {
      process.stderr.write(`  Output of this test file: none (${shown})\n\n`);
      return;
    }
    this.failedLogs.push(shown);
    const tail = lines.slice(-this.tailLines);
    process.stderr.write(
      `  Output of this test file (${shown}), last ${tail.length} of ${lines.length} lines:\n` +
        `${tail.map((line) => `    ${line}\n`).join('')}\n`,
    );
  }

  onRunComplete() {
    if (this.failedLogs.length === 0) return;
    process.stderr.write(
      `Output of the failing test files (service logs, console):\n${this.failedLogs.map((f) => `  ${f}\n`).join('')}\n`,
    );
  }
}

module.exports = CapturedOutputReporter;

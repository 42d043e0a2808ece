// Plain JavaScript: jest loads reporters without transforming them.
const { existsSync, readFileSync } = require('node:fs');
const { relative } = require('node:path');
const { testLogFile } = require('./test-log-file');

/** Relative to the working directory when the file is below it (the usual case), else absolute. */
function displayPath(file) {
  const shown = relative(process.cwd(), file);
  return shown.startsWith('..') ? file : shown;
}

/** pino's error and fatal lines, and Nest's default logger's. */
const ERROR_LINE = /^\{"level":[56]0,|^\[Nest\] \d+ .* (ERROR|FATAL) \[/;
/** Most error lines shown from before the tail: the first ones, which usually hold the cause. */
const MAX_EARLIER_ERRORS = 20;

const indent = (lines) => lines.map((line) => `    ${line}\n`).join('');

/** The last `tailLines` lines, after the error lines that come before them (the first is often the cause). */
function excerpt(lines, tailLines) {
  if (lines.length <= tailLines) return indent(lines);
  const tail = lines.slice(-tailLines);
  const errors = lines.slice(0, -tailLines).filter((line) => ERROR_LINE.test(line));
  const first = errors.slice(0, MAX_EARLIER_ERRORS);
  const errorsPart =
    errors.length === 0
      ? ''
      : `  error lines before the last ${tailLines}` +
        `${first.length < errors.length ? ` (first ${first.length} of ${errors.length})` : ''}:\n${indent(first)}`;
  return `${errorsPart}  last ${tailLines}:\n${indent(tail)}`;
}

/**
 * The other half of ./captured-output.environment.ts: a test file's output went to its log, so when one
 * of its tests fails (or the file cannot run) this prints, right after jest's report of the file, the
 * log's path and its last `tailLines` lines, preceded by the error lines before them (so the first
 * error, often the cause, is not cut off); at the end of the run, the logs of every failing file.
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
    process.stderr.write(
      `  Output of this test file (${shown}, ${lines.length} lines):\n${excerpt(lines, this.tailLines)}\n`,
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

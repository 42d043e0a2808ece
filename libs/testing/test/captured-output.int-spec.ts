/**
 * The jest environment and reporter of libs/testing/src/jest keep what the code under test prints out of
 * jest's report: runs jest on ./fixtures/captured-output (one passing and one failing suite, whose code
 * logs through pino, Nest's default logger, console and process.stdout) and reads what it printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(__dirname, 'fixtures', 'captured-output');
const PASSING_MARKERS = [
  'pino-warn-marker',
  'nest-error-marker',
  'console-warn-marker',
  'duplicate key value violates unique constraint (console-log-marker)',
  'stdout-write-marker',
];

type Mode = 'in band' | 'in worker processes';

/** Runs the fixture suites; an empty cache has no timings, so with 2 workers jest does not run them in band. */
function runFixtures(mode: Mode) {
  const logDir = mkdtempSync(join(tmpdir(), 'captured-output-'));
  const args =
    mode === 'in band'
      ? ['--runInBand']
      : ['--maxWorkers=2', `--cacheDirectory=${mkdtempSync(join(tmpdir(), 'captured-output-cache-'))}`];
  const run = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--config', join(FIXTURES, 'jest.config.js'), '--ci', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CAPTURE_FIXTURE_LOG_DIR: logDir, TEST_LOGS: '', LOG_FILE: '' },
      timeout: 120_000,
    },
  );
  const logOf = (suite: string) =>
    join(logDir, 'fixture', relative(ROOT, FIXTURES), `${suite}.fixture-spec.ts.log`);
  return { pid: run.pid, status: run.status, output: `${run.stdout}${run.stderr}`, logOf };
}

describe('captured test output', () => {
  describe.each<Mode>(['in band', 'in worker processes'])('when jest runs the files %s', (mode) => {
    let run: ReturnType<typeof runFixtures>;
    beforeAll(() => {
      run = runFixtures(mode);
    }, 150_000);

    it("should keep a passing suite's logs out of jest's output and in that suite's log file", () => {
      const log = readFileSync(run.logOf('passing'), 'utf8');

      expect(run.output).toMatch(/PASS fixture \S*passing\.fixture-spec\.ts/);
      for (const marker of PASSING_MARKERS) {
        expect(log).toContain(marker);
        expect(run.output).not.toContain(marker);
      }
    });

    it('should keep each line whole and its level: pino JSON as written, Nest lines without colour codes', () => {
      const lines = readFileSync(run.logOf('passing'), 'utf8').split('\n');

      expect(lines).toContainEqual(expect.stringMatching(/^\{"level":40,.*"msg":"pino-warn-marker"\}$/));
      const nestLine = lines.find((line) => line.endsWith('ERROR [Fixture] nest-error-marker'));
      expect(nestLine).toBeDefined();
      // Nest writes its pid: the test ran in jest's own process, or in a worker, as this case meant.
      expect(nestLine?.startsWith(`[Nest] ${run.pid} `)).toBe(mode === 'in band');
      expect(lines.join('\n')).not.toContain('pino-info-marker'); // below LOG_LEVEL=warn, as in an app
      expect(lines.join('\n')).not.toContain('\u001b[');
    });

    it("should show a failing suite's log after its failure: the error lines, the last lines, and its path", () => {
      const log = readFileSync(run.logOf('failing'), 'utf8').split('\n').slice(0, -1);
      // The fixture config shows the last 5 lines; the error line before them is shown on its own.
      const excerpt = [
        `  Output of this test file (${run.logOf('failing')}, 7 lines):`,
        '  error lines before the last 5:',
        `    ${log[0]}`,
        '  last 5:',
        ...log.slice(2).map((line) => `    ${line}`),
      ].join('\n');

      expect(run.status).toBe(1);
      expect(log[0]).toMatch(/^\{"level":50,.*"msg":"pino-error-marker of the failing suite"\}$/);
      expect(log.slice(2).map((line) => /retry-warn-marker \d/.exec(line)?.[0])).toEqual(
        [2, 3, 4, 5, 6].map((n) => `retry-warn-marker ${n}`),
      );
      expect(run.output.indexOf(excerpt)).toBeGreaterThan(run.output.indexOf('FAIL fixture'));
      expect(run.output.indexOf('FAIL fixture')).toBeGreaterThanOrEqual(0);
    });

    it('should list the logs of the failing suites, and only those, at the end of the run', () => {
      const summary = run.output.slice(run.output.indexOf('Output of the failing test files'));

      expect(summary).toContain(`\n  ${run.logOf('failing')}\n`);
      expect(summary).not.toContain(run.logOf('passing'));
    });
  });
});

/**
 * The jest environment and reporter of libs/testing/src/jest keep what the code under test prints out of
 * jest's report: runs jest on ./fixtures/captured-output (one passing and one failing suite, whose code
 * logs through pino, Nest's default logger, console and process.stdout) and reads what it printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
    join(
      logDir,
      'fixture',
      'libs',
      'testing',
      'test',
      'fixtures',
      'captured-output',
      `${suite}.fixture-spec.ts.log`,
    );
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

    it("should show a failing suite's log lines and path right after its failure, and list the path at the end", () => {
      const failure = run.output.indexOf('FAIL fixture');
      const excerpt = run.output.indexOf('Output of this test file (');
      const summary = run.output.indexOf('Output of the failing test files');

      expect(run.status).toBe(1);
      expect(readFileSync(run.logOf('failing'), 'utf8')).toContain('pino-error-marker of the failing suite');
      expect(failure).toBeGreaterThanOrEqual(0);
      expect(excerpt).toBeGreaterThan(failure);
      expect(run.output.slice(excerpt)).toContain(`${run.logOf('failing')}), last 1 of 1 lines:`);
      expect(run.output.slice(excerpt)).toContain('"msg":"pino-error-marker of the failing suite"');
      expect(summary).toBeGreaterThan(excerpt);
      expect(run.output.slice(summary)).toContain(run.logOf('failing'));
      expect(run.output.slice(summary)).not.toContain(run.logOf('passing'));
    });
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Console } from 'node:console';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { routeOutputToFile, type CapturableGlobal } from './captured-output';

/** A stand-in for a jest environment's global, so the real stdout of this test stays untouched. */
function fakeGlobal() {
  const written: string[] = [];
  const stream = () =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        done();
      },
    }) as unknown as NodeJS.WriteStream;
  const console = new Console({ stdout: stream(), stderr: stream() });
  const global: CapturableGlobal = {
    console,
    process: {
      stdout: stream(),
      stderr: stream(),
      env: { LOG_FILE: 'outer.log' },
    } as unknown as NodeJS.Process,
  };
  return { global, console, written };
}

describe(routeOutputToFile.name, () => {
  const logFile = () => join(mkdtempSync(join(tmpdir(), 'captured-output-')), 'unit', 'some.spec.ts.log');

  it('should write console, stdout and stderr output to the file, in order, when routed', async () => {
    const { global, written } = fakeGlobal();
    const file = logFile();

    routeOutputToFile(global, file);
    global.console.warn('a warning from the code under test');
    const flushed = new Promise((resolve) => global.process.stdout.write('a stdout line\n', resolve));
    global.process.stderr.write(Buffer.from('a stderr line\n'));
    global.console.error(new Error('an error'));
    await flushed;

    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'a warning from the code under test',
      'a stdout line',
      'a stderr line',
      'Error: an error',
    ]);
    expect(written).toEqual([]);
  });

  it('should point LOG_FILE at the file and turn colours off for the code under test when routed', () => {
    const { global } = fakeGlobal();
    const file = logFile();

    routeOutputToFile(global, file);

    expect(global.process.env).toEqual({ LOG_FILE: file, NO_COLOR: '1' });
  });

  it('should start the file empty when it holds an earlier run', () => {
    const { global } = fakeGlobal();
    const file = logFile();
    routeOutputToFile(global, file)();
    writeFileSync(file, 'the earlier run\n');

    routeOutputToFile(global, file);
    global.console.log('this run');

    expect(readFileSync(file, 'utf8')).toBe('this run\n');
  });

  it('should give back the console, the streams and the environment when restored', () => {
    const { global, console, written } = fakeGlobal();
    const file = logFile();

    routeOutputToFile(global, file)();
    global.console.log('to the console again');
    global.process.stdout.write('to stdout again\n');

    expect(global.console).toBe(console);
    expect(global.process.env).toEqual({ LOG_FILE: 'outer.log' });
    expect(Object.prototype.hasOwnProperty.call(global.process.stdout, 'write')).toBe(false);
    expect(written).toEqual(['to the console again\n', 'to stdout again\n']);
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});

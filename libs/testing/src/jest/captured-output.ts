import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { Console } from 'node:console';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';

/** What a test file's code prints through: its `console` and `process` (a jest environment's global). */
export interface CapturableGlobal {
  console: Console;
  process: NodeJS.Process;
}

/**
 * Sends everything the code in `global` prints to `file` (emptied first) until the returned function
 * restores it: `console.*` (TypeORM's and kafkajs' default loggers among them), writes to
 * `process.stdout`/`process.stderr` (Nest's default logger, tools that print), and — through LOG_FILE,
 * which the platform's logger and child processes spawned with this environment read — pino's JSON lines.
 * Nothing is filtered: each line keeps its level, only its destination changes.
 */
export function routeOutputToFile(global: CapturableGlobal, file: string): () => void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  // Opened per write, never held: a late line after teardown cannot land on a reused descriptor.
  const append = (chunk: string | Uint8Array): void => appendFileSync(file, chunk);

  const console = global.console;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      append(chunk);
      done();
    },
  });
  global.console = new Console({ stdout: sink, stderr: sink });
  const restoreStdout = redirectWrites(global.process.stdout, append);
  const restoreStderr = redirectWrites(global.process.stderr, append);
  // A file is no terminal: NO_COLOR keeps Nest's default logger from writing colour codes into it.
  const restoreEnv = overrideEnv(global.process.env, { LOG_FILE: file, NO_COLOR: '1' });

  return () => {
    restoreEnv();
    restoreStderr();
    restoreStdout();
    global.console = console;
  };
}

function overrideEnv(env: NodeJS.ProcessEnv, values: Record<string, string>): () => void {
  const previous = Object.keys(values).map((name) => [name, env[name]] as const);
  Object.assign(env, values);
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
  };
}

type WriteCallback = (error?: Error | null) => void;

/** Replaces `stream.write` with `append`; returns the function that puts the previous one back. */
function redirectWrites(
  stream: NodeJS.WriteStream,
  append: (chunk: string | Uint8Array) => void,
): () => void {
  const ownWrite = Object.prototype.hasOwnProperty.call(stream, 'write');
  const previous = stream.write;
  stream.write = (
    chunk: string | Uint8Array,
    encodingOrDone?: BufferEncoding | WriteCallback,
    done?: WriteCallback,
  ): boolean => {
    const encoding = typeof encodingOrDone === 'string' ? encodingOrDone : undefined;
    append(typeof chunk === 'string' && encoding ? Buffer.from(chunk, encoding) : chunk);
    const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
    if (callback) process.nextTick(callback);
    return true;
  };
  return () => {
    if (ownWrite) stream.write = previous;
    else delete (stream as Partial<NodeJS.WriteStream>).write;
  };
}

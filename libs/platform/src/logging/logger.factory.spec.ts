import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CorrelationContext } from './correlation.context';
import { createRootLogger } from './logger.factory';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { stream, lines };
}

describe(createRootLogger.name, () => {
  it('should add the correlation id to every line when logging inside a correlation context', () => {
    const { stream, lines } = capture();
    const logger = createRootLogger({ LOG_LEVEL: 'info', NODE_ENV: 'test' }, { destination: stream });

    CorrelationContext.run('evt-42', () => {
      logger.info('handled');
      logger.child({ context: 'Consumer' }).warn({ attempt: 2 }, 'retrying');
    });

    expect(lines()).toEqual([
      expect.objectContaining({ msg: 'handled', correlationId: 'evt-42' }),
      expect.objectContaining({ msg: 'retrying', correlationId: 'evt-42', attempt: 2 }),
    ]);
  });

  it('should write the key once when the line itself carries a correlation id', () => {
    const raw: string[] = [];
    const logger = createRootLogger(
      { LOG_LEVEL: 'info', NODE_ENV: 'test' },
      { destination: { write: (s: string) => raw.push(s) } },
    );

    CorrelationContext.run('a', () => logger.info({ correlationId: 'a' }, 'done'));

    expect(raw[0].match(/"correlationId"/g)).toHaveLength(1);
  });

  it('should omit the correlation id when logging outside any context', () => {
    const { stream, lines } = capture();
    const logger = createRootLogger({ LOG_LEVEL: 'info', NODE_ENV: 'test' }, { destination: stream });

    logger.info('boot');

    expect(lines()[0]).not.toHaveProperty('correlationId');
  });

  it('should drop lines below the configured level when LOG_LEVEL is warn', () => {
    const { stream, lines } = capture();
    const logger = createRootLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'test' }, { destination: stream });

    logger.info('quiet');
    logger.warn('loud');

    expect(lines().map((l) => l.msg)).toEqual(['loud']);
  });

  it("should append every app's lines to LOG_FILE when LOG_FILE is set", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'root-logger-')), 'nested', 'service.log');
    const env = { LOG_LEVEL: 'warn', NODE_ENV: 'test', LOG_FILE: file } as const;

    createRootLogger(env, { service: 'first' }).warn('from the first app');
    createRootLogger(env, { service: 'second' }).error('from the second app');
    createRootLogger(env).info('below the level');

    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ service: 'first', level: 40, msg: 'from the first app' }),
      expect.objectContaining({ service: 'second', level: 50, msg: 'from the second app' }),
    ]);
  });
});

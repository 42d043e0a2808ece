import { HttpException } from '@nestjs/common';
import { assertVersion, etagOf, requiredVersion, StaleVersionError } from './if-match';

const statusOf = (work: () => unknown): number => {
  try {
    work();
  } catch (error) {
    return (error as HttpException).getStatus();
  }
  throw new Error('expected a refusal');
};

describe('requiredVersion', () => {
  it('should read the version of a strong ETag, quoted or bare, as etagOf writes it', () => {
    expect(requiredVersion(etagOf(3))).toBe(3);
    expect(requiredVersion(' "12" ')).toBe(12);
    expect(requiredVersion('7')).toBe(7);
  });

  it('should answer 428 without If-Match, 412 for a weak ETag and 400 for anything else', () => {
    expect(statusOf(() => requiredVersion(undefined))).toBe(428);
    expect(statusOf(() => requiredVersion('  '))).toBe(428);
    expect(statusOf(() => requiredVersion('W/"3"'))).toBe(412);
    expect(statusOf(() => requiredVersion('"0"'))).toBe(400);
    expect(statusOf(() => requiredVersion('*'))).toBe(400);
    expect(statusOf(() => requiredVersion('"3", "4"'))).toBe(400);
    expect(statusOf(() => requiredVersion('"3'))).toBe(400);
    expect(statusOf(() => requiredVersion(`"1' OR 1=1 --"`))).toBe(400);
    expect(statusOf(() => requiredVersion('3"'))).toBe(400);
  });
});

describe('assertVersion', () => {
  class TestStaleError extends StaleVersionError {
    constructor(expected: number, actual: number) {
      super('TEST_VERSION_MISMATCH', expected, actual);
    }
  }

  it('should pass the version read and refuse another, naming both', () => {
    expect(() => assertVersion(4, 4, (e, a) => new TestStaleError(e, a))).not.toThrow();
    expect(() => assertVersion(3, 4, (e, a) => new TestStaleError(e, a))).toThrow(
      expect.objectContaining({
        code: 'TEST_VERSION_MISMATCH',
        expected: 3,
        actual: 4,
        message: 'It was changed since you read it: you sent version 3, the current one is 4',
      }),
    );
  });
});

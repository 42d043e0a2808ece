import { QueryFailedError } from 'typeorm';
import { isContention, retryOnContention } from './retry-on-contention';

const pgError = (code: string) =>
  new QueryFailedError('UPDATE proposal …', [], Object.assign(new Error('deadlock detected'), { code }));

class GaveUp extends Error {
  constructor(readonly last: unknown) {
    super('gave up');
  }
}
const gaveUp = (cause: unknown) => new GaveUp(cause);

describe(retryOnContention.name, () => {
  it('should run the transaction again and return its result when PostgreSQL reported a deadlock', async () => {
    const transaction = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(pgError('40P01'))
      .mockRejectedValueOnce(pgError('40001'))
      .mockResolvedValueOnce('done');
    await expect(retryOnContention(transaction, gaveUp)).resolves.toBe('done');
    expect(transaction).toHaveBeenCalledTimes(3);
  });

  it("should give up with the caller's error, carrying the last one, when every attempt was aborted", async () => {
    const last = pgError('40P01');
    const transaction = jest.fn<Promise<string>, []>().mockRejectedValue(last);
    const outcome = retryOnContention(transaction, gaveUp, 3);
    await expect(outcome).rejects.toBeInstanceOf(GaveUp);
    await expect(outcome).rejects.toMatchObject({ last });
    expect(transaction).toHaveBeenCalledTimes(3);
  });

  it('should pass any other error through at once when it is not contention', async () => {
    const unique = pgError('23505');
    const transaction = jest.fn<Promise<string>, []>().mockRejectedValue(unique);
    await expect(retryOnContention(transaction, gaveUp)).rejects.toBe(unique);
    expect(transaction).toHaveBeenCalledTimes(1);
  });
});

describe(isContention.name, () => {
  it('should recognise the SQLSTATE on a driver error as well as on the wrapped one', () => {
    expect(isContention({ code: '40P01' })).toBe(true);
    expect(isContention({ driverError: { code: '40001' } })).toBe(true);
    expect(isContention(new Error('boom'))).toBe(false);
    expect(isContention(null)).toBe(false);
  });
});

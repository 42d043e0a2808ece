import type { RoundProgress } from '../assignment/round-progress';
import { RoundClaimLostError } from './rounds.errors';
import { RoundProgressReporter } from './round-progress.reporter';

const at = (done: number): RoundProgress => ({ phase: 'candidates', done, total: 100 });

/** A write that completes only when the test releases it, recording what it was given. */
function gatedWrites() {
  const written: number[] = [];
  const gates: (() => void)[] = [];
  const write = (p: RoundProgress) =>
    new Promise<void>((resolve) => {
      written.push(p.done);
      gates.push(resolve);
    });
  const release = async () => {
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { written, write, release };
}

describe(RoundProgressReporter.name, () => {
  describe('report', () => {
    it('should write one progress at a time and then only the latest when reports outpace writes', async () => {
      const { written, write, release } = gatedWrites();
      const reporter = new RoundProgressReporter(write, () => undefined);

      reporter.report(at(1));
      reporter.report(at(2));
      reporter.report(at(3));
      await release();
      await release();
      await reporter.flush();

      expect(written).toEqual([1, 3]);
    });

    it('should stop writing and tell onFailure once a write fails (the claim was lost)', async () => {
      const failures: unknown[] = [];
      const written: number[] = [];
      const reporter = new RoundProgressReporter(
        (p) => {
          written.push(p.done);
          return Promise.reject(new RoundClaimLostError('round r attempt 1'));
        },
        (error) => failures.push(error),
      );

      reporter.report(at(1));
      await expect(reporter.flush()).rejects.toBeInstanceOf(RoundClaimLostError);
      reporter.report(at(2));
      await expect(reporter.flush()).rejects.toBeInstanceOf(RoundClaimLostError);

      expect(written).toEqual([1]);
      expect(failures).toHaveLength(1);
    });
  });
});

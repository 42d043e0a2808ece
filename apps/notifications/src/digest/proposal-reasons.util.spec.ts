import { pickTopReasons } from './proposal-reasons.util';

describe(pickTopReasons.name, () => {
  it('should pick the factors with the largest weighted contribution', () => {
    const reasons = pickTopReasons([
      { factor: 'distance', score: 0.9, weight: 0.1 },
      { factor: 'sector-fit', score: 0.8, weight: 0.4, explanation: 'water' },
      { factor: 'size-similarity', score: 0.5, weight: 0.3 },
      { factor: 'capacity', score: 1, weight: 0.2 },
    ]);
    expect(reasons).toEqual([
      { factor: 'sector-fit', score: 0.8, explanation: 'water' },
      { factor: 'capacity', score: 1 },
      { factor: 'size-similarity', score: 0.5 },
    ]);
  });

  it('should leave out factors that contributed nothing', () => {
    expect(
      pickTopReasons([
        { factor: 'distance', score: 0, weight: 1 },
        { factor: 'priority', score: 1, weight: 0 },
      ]),
    ).toEqual([]);
  });

  it('should order ties by factor id', () => {
    const reasons = pickTopReasons(
      [
        { factor: 'b', score: 0.5, weight: 1 },
        { factor: 'a', score: 0.5, weight: 1 },
      ],
      1,
    );
    expect(reasons).toEqual([{ factor: 'a', score: 0.5 }]);
  });
});

import {
  distanceFactor,
  euCapacityFactor,
  greatCircleKm,
  hromadaPriority,
  languageOverlap,
  priorityJaccard,
  sectorCoverage,
  settlementTypeSimilarity,
  SIZE_LARGER_TOLERANCE,
  SIZE_POPULATION_SHARE,
  sizeSimilarity,
  unitVector,
  NEUTRAL,
  UNKNOWN_ORDINAL,
  landscapeMatch,
  popularityFactor,
  prosperitySimilarity,
  urbanisationSimilarity,
} from './scoring-factors';

describe(sizeSimilarity.name, () => {
  it('should be 1 when population and area are equal', () => {
    expect(sizeSimilarity(Math.log(5000), Math.log(5000), Math.log(80), Math.log(80))).toBeCloseTo(1, 12);
  });

  it('should depend on the ratio only when sizes scale together', () => {
    // The EU side the smaller, so the value is on the decaying branch (below 1).
    const small = sizeSimilarity(Math.log(10_000), Math.log(3_000), NaN, NaN);
    const large = sizeSimilarity(Math.log(100_000), Math.log(30_000), NaN, NaN);
    expect(small).toBeLessThan(0.9);
    expect(small).toBeCloseTo(large, 12);
  });

  it("should be 1/e when the EU municipality has a tenth of the hromada's population (area unknown)", () => {
    expect(sizeSimilarity(Math.log(10_000), Math.log(1_000), NaN, Math.log(10))).toBeCloseTo(
      Math.exp(-1),
      12,
    );
  });

  it('should not penalise an EU municipality up to 30 times larger, and decay from there as below', () => {
    const hromada = Math.log(10_000);
    expect(sizeSimilarity(hromada, Math.log(20_000), NaN, NaN)).toBe(1);
    expect(sizeSimilarity(hromada, Math.log(10_000 * SIZE_LARGER_TOLERANCE), NaN, NaN)).toBeCloseTo(1, 12);
    // Ten times beyond the tolerance scores as a partner ten times smaller does.
    expect(sizeSimilarity(hromada, Math.log(10_000 * SIZE_LARGER_TOLERANCE * 10), NaN, NaN)).toBeCloseTo(
      Math.exp(-1),
      12,
    );
    // Not symmetric: the same ratio the other way round is penalised.
    expect(sizeSimilarity(Math.log(20_000), Math.log(10_000), NaN, NaN)).toBeLessThan(1);
  });

  it('should blend population and area by the calibrated share when both areas are known', () => {
    const v = sizeSimilarity(Math.log(1_000), Math.log(1_000), Math.log(10), Math.log(100));
    expect(v).toBeCloseTo(SIZE_POPULATION_SHARE + (1 - SIZE_POPULATION_SHARE) * Math.exp(-1), 12);
    expect(SIZE_POPULATION_SHARE).toBe(0.95);
  });

  it("should blend by a campaign's own share, and ignore area when the share is 1", () => {
    const [p, q, a, b] = [Math.log(1_000), Math.log(1_000), Math.log(10), Math.log(100)];
    expect(sizeSimilarity(p, q, a, b, 0.5)).toBeCloseTo(0.5 + 0.5 * Math.exp(-1), 12);
    expect(sizeSimilarity(p, q, a, b, 1)).toBe(1);
  });
});

describe(settlementTypeSimilarity.name, () => {
  it('should be 1, 0.5 and 0 when types are equal, neighbours and opposite', () => {
    expect(settlementTypeSimilarity(2, 2)).toBe(1);
    expect(settlementTypeSimilarity(1, 2)).toBe(0.5);
    expect(settlementTypeSimilarity(0, 2)).toBe(0);
  });
});

describe(sectorCoverage.name, () => {
  it('should be the share of needs covered when needs are declared', () => {
    expect(sectorCoverage(4, 1)).toBe(0.25);
    expect(sectorCoverage(3, 3)).toBe(1);
  });

  it('should be neutral when the hromada declared no needs', () => {
    expect(sectorCoverage(0, 0)).toBe(0.5);
  });
});

describe(priorityJaccard.name, () => {
  it('should be intersection over union when both sides declared priorities', () => {
    expect(priorityJaccard(2, 3, 1)).toBe(0.25);
    expect(priorityJaccard(2, 2, 2)).toBe(1);
  });

  it('should be neutral when one side declared none', () => {
    expect(priorityJaccard(0, 3, 0)).toBe(0.5);
  });
});

describe(languageOverlap.name, () => {
  it('should be 1 when a language is shared and 0 when none is', () => {
    expect(languageOverlap(2, 2, 1)).toBe(1);
    expect(languageOverlap(2, 2, 0)).toBe(0);
  });

  it('should be neutral when one side declared no languages', () => {
    expect(languageOverlap(0, 2, 0)).toBe(0.5);
  });
});

describe(distanceFactor.name, () => {
  it('should be 1 at zero distance and 0.5 at the half-score distance, falling with the logarithm of distance', () => {
    expect(distanceFactor(0, 1000)).toBe(1);
    expect(distanceFactor(1000, 1000)).toBeCloseTo(0.5, 12);
    expect(distanceFactor(500, 1000)).toBeCloseTo(0.574, 3);
    expect(distanceFactor(2000, 1000)).toBeCloseTo(0.425, 3);
    // Equal ratios of (10 km + distance) cost equal amounts: 90 → 990 km as 990 → 9,990 km.
    const drop = (a: number, b: number) => distanceFactor(a, 1000) - distanceFactor(b, 1000);
    expect(drop(90, 990)).toBeCloseTo(drop(990, 9_990), 12);
  });

  it('should never fall below 0, however far', () => {
    expect(distanceFactor(40_000, 10)).toBe(0);
  });
});

describe(greatCircleKm.name, () => {
  it('should equal the haversine formula when measuring Kyiv to Warsaw (about 690 km)', () => {
    const rad = Math.PI / 180;
    const [la, lo, lb, lob] = [50.4501 * rad, 30.5234 * rad, 52.2297 * rad, 21.0122 * rad];
    const hav = Math.sin((lb - la) / 2) ** 2 + Math.cos(la) * Math.cos(lb) * Math.sin((lob - lo) / 2) ** 2;
    const expected = 2 * 6371.0088 * Math.asin(Math.sqrt(hav));
    const actual = greatCircleKm(...unitVector(50.4501, 30.5234), ...unitVector(52.2297, 21.0122));
    expect(actual).toBeCloseTo(expected, 6);
    expect(actual).toBeGreaterThan(680);
    expect(actual).toBeLessThan(700);
  });

  it('should give half the Earth circumference when points are antipodal', () => {
    expect(greatCircleKm(...unitVector(0, 0), ...unitVector(0, 180))).toBeCloseTo(Math.PI * 6371.0088, 6);
  });

  it('should be 0 when both points are the same', () => {
    expect(greatCircleKm(...unitVector(48, 24), ...unitVector(48, 24))).toBe(0);
  });
});

describe(hromadaPriority.name, () => {
  it('should be 0.5 for no international partner plus 1/6 per war impact', () => {
    expect(hromadaPriority(false, 0)).toBe(0.5);
    expect(hromadaPriority(false, 3)).toBeCloseTo(1, 12);
    expect(hromadaPriority(true, 1)).toBeCloseTo(1 / 6, 12);
    expect(hromadaPriority(true, 0)).toBe(0);
  });
});

describe(euCapacityFactor.name, () => {
  it('should prefer free capacity and fewer existing partnerships', () => {
    expect(euCapacityFactor(3, 0)).toBe(1);
    expect(euCapacityFactor(1, 0)).toBeCloseTo(0.5 / 3 + 0.5, 12);
    expect(euCapacityFactor(1, 1)).toBeLessThan(euCapacityFactor(1, 0));
    expect(euCapacityFactor(10, 0)).toBe(euCapacityFactor(3, 0));
  });
});

describe('comparable-indicator factors', () => {
  const U = UNKNOWN_ORDINAL;

  it('should compare the degree of urbanisation when both sides know it, else fall back to the legacy types', () => {
    expect(urbanisationSimilarity(0, 0, 2, 2)).toBe(1); // both cities by DEGURBA, whatever the legal type
    expect(urbanisationSimilarity(0, 2, 0, 0)).toBe(0);
    expect(urbanisationSimilarity(U, 1, 0, 2)).toBe(0); // unknown on one side: legacy urban vs rural
  });

  it('should score landscape on the flags both sides know, neutral when none', () => {
    expect(landscapeMatch(1, 1, 0, 0)).toBe(1);
    expect(landscapeMatch(1, 0, 0, 0)).toBe(0.5);
    expect(landscapeMatch(1, U, U, 1)).toBe(NEUTRAL);
    expect(landscapeMatch(0, 0, U, 1)).toBe(1);
  });

  it('should score prosperity as closeness of within-country percentiles, neutral when unknown', () => {
    expect(prosperitySimilarity(80, 80)).toBe(1);
    expect(prosperitySimilarity(10, 90)).toBeCloseTo(0.2, 12);
    expect(prosperitySimilarity(NaN, 50)).toBe(NEUTRAL);
  });

  it('should halve popularity at 10 open proposals and treat a negative count as none', () => {
    expect(popularityFactor(0)).toBe(1);
    expect(popularityFactor(10)).toBe(0.5);
    expect(popularityFactor(-3)).toBe(1);
  });

  it('should keep sector fit neutral while the EU side has declared no offers (unknown, not "none")', () => {
    expect(sectorCoverage(3, 0, 0)).toBe(NEUTRAL);
    expect(sectorCoverage(3, 0, 2)).toBe(0);
  });
});

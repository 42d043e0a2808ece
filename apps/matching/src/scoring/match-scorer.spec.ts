import { CAMPAIGN_2021_PRESET, DEFAULT_CAMPAIGN, defineCampaign, FACTOR_KEYS } from './campaign';
import type { EuMunicipalityProfile } from './candidate-profile';
import { makeEu, makeHromada } from './candidate-profile.fixture';
import {
  explainPair,
  normalisedWeights,
  percentile,
  scoreEligible,
  scoreHromadasForVolunteer,
  selectTopCandidates,
  topK,
} from './match-scorer';
import { OpenProposalCounts } from './open-proposal-counts';
import { PreparedEuPool, prepareHromada } from './prepared-profile';

function randomPool(seed: number, n: number): EuMunicipalityProfile[] {
  let a = seed;
  const rnd = (): number => (a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const sectors = ['water', 'education', 'energy', 'health', 'waste'];
  return Array.from({ length: n }, (_, i) =>
    makeEu({
      id: `E${String(i).padStart(4, '0')}`,
      country: ['PL', 'SK', 'DE'][i % 3],
      population: Math.round(100 + rnd() * 80_000),
      areaKm2: rnd() < 0.1 ? null : 5 + rnd() * 400,
      settlementType: (['urban', 'settlement', 'rural'] as const)[Math.floor(rnd() * 3)],
      lat: 45 + rnd() * 10,
      lon: 10 + rnd() * 20,
      offers: sectors.filter(() => rnd() < 0.4),
      priorities: ['tourism', 'energy', 'youth'].filter(() => rnd() < 0.5),
      languages: ['pl', 'en', 'de', 'uk'].filter(() => rnd() < 0.4),
      capacity: Math.floor(rnd() * 3),
      existingPartnershipCount: Math.floor(rnd() * 2),
    }),
  );
}

describe(topK.name, () => {
  it('should rank the better-fitting municipality first when one offers the needed sectors', () => {
    const pool = new PreparedEuPool([
      makeEu({ id: 'PL-B', offers: ['waste'] }),
      makeEu({ id: 'PL-A', offers: ['water', 'education'] }),
    ]);
    const ranked = topK(makeHromada(), pool, DEFAULT_CAMPAIGN, 2);
    expect(ranked.map((r) => r.id)).toEqual(['PL-A', 'PL-B']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('should return the full breakdown whose contributions add up to the score', () => {
    const pool = new PreparedEuPool([makeEu()]);
    const [best] = topK(makeHromada(), pool, DEFAULT_CAMPAIGN, 1);
    expect(best.factors.map((f) => f.factor)).toEqual([...FACTOR_KEYS]);
    expect(best.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(best.score, 12);
    expect(best.factors.find((f) => f.factor === 'sectorFit')).toMatchObject({
      value: 1,
      reason: 'offers 2 of 2 needed sectors: water, education',
    });
    for (const f of best.factors) {
      expect(f.value).toBeGreaterThanOrEqual(0);
      expect(f.value).toBeLessThanOrEqual(1);
    }
  });

  it('should rank a larger municipality no lower on size than an equal one, and a smaller one lower, saying which is larger', () => {
    const hromada = makeHromada({ population: 20_000 });
    const sizeOf = (population: number) => {
      const [only] = topK(hromada, new PreparedEuPool([makeEu({ population })]), DEFAULT_CAMPAIGN, 1);
      return only.factors.find((f) => f.factor === 'sizeSimilarity')!;
    };
    expect(sizeOf(200_000).value).toBeCloseTo(sizeOf(20_000).value, 12);
    expect(sizeOf(5_000).value).toBeLessThan(sizeOf(20_000).value);
    expect(sizeOf(200_000).reason).toContain('(×10.0, municipality larger)');
    expect(sizeOf(5_000).reason).toContain('(×4.0, hromada larger)');
  });

  it('should apply the 2021 preset eligibility when municipalities are outside it', () => {
    const pool = new PreparedEuPool([
      makeEu({ id: 'DE-1', country: 'DE' }),
      makeEu({ id: 'PL-small', population: 300 }),
      makeEu({ id: 'PL-big', population: 60_000 }),
      makeEu({ id: 'PL-metro', population: 49_000, metropolitan: true }),
      makeEu({ id: 'PL-suburb', population: 20_000, lat: 52.3, lon: 21.0 }),
      makeEu({ id: 'PL-warsaw', population: 1_800_000, lat: 52.23, lon: 21.01 }),
      makeEu({ id: 'PL-full', capacity: 0 }),
      makeEu({ id: 'PL-ok', population: 20_000 }),
    ]);
    // PL-suburb lies near Warsaw but carries no official (FUA) flag: no distance proxy excludes it.
    const ids = topK(makeHromada(), pool, CAMPAIGN_2021_PRESET, 10).map((r) => r.id);
    expect(ids.sort()).toEqual(['PL-ok', 'PL-suburb']);
  });

  it('should return nothing when the hromada is outside the campaign', () => {
    const campaign = defineCampaign({
      id: 'c',
      name: 'Kharkiv only',
      hromadaEligibility: { oblasts: ['Kharkiv'] },
    });
    expect(topK(makeHromada(), new PreparedEuPool([makeEu()]), campaign, 5)).toEqual([]);
  });

  it('should rank ties by EU id when scores are equal', () => {
    const pool = new PreparedEuPool([makeEu({ id: 'PL-C' }), makeEu({ id: 'PL-A' }), makeEu({ id: 'PL-B' })]);
    expect(topK(makeHromada(), pool, DEFAULT_CAMPAIGN, 2).map((r) => r.id)).toEqual(['PL-A', 'PL-B']);
  });

  it('should equal an exhaustive sort of all scores when the pool is random', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const pool = new PreparedEuPool(randomPool(seed, 400));
      const h = prepareHromada(
        makeHromada({ needs: ['water', 'health', 'unknown-sector'], population: 1_000 + seed * 997 }),
        pool.vocabulary,
      );
      const all = new Float64Array(pool.size);
      const eligible = scoreEligible(h, pool, DEFAULT_CAMPAIGN, all);
      const expected = Array.from(eligible, (j, e) => ({ j, s: all[e] }))
        .sort((a, b) => b.s - a.s || a.j - b.j)
        .slice(0, 15);
      const got = selectTopCandidates(h, pool, DEFAULT_CAMPAIGN, 15);
      expect(Array.from(got.indices)).toEqual(expected.map((x) => x.j));
      expect(Array.from(got.scores)).toEqual(expected.map((x) => x.s));
    }
  });

  it('should still equal an exhaustive sort when live open-proposal counts are passed', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const pool = new PreparedEuPool(randomPool(seed, 400));
      const open = OpenProposalCounts.of(
        pool.size,
        Array.from({ length: 120 }, (_, i) => [(i * 37 + seed) % pool.size, (i % 9) * 3] as const),
      );
      const h = prepareHromada(makeHromada({ population: 2_000 + seed * 991 }), pool.vocabulary);
      const all = new Float64Array(pool.size);
      const eligible = scoreEligible(h, pool, DEFAULT_CAMPAIGN, all, open);
      const expected = Array.from(eligible, (j, e) => ({ j, s: all[e] }))
        .sort((a, b) => b.s - a.s || a.j - b.j)
        .slice(0, 15);
      const got = selectTopCandidates(h, pool, DEFAULT_CAMPAIGN, 15, open);
      expect(Array.from(got.indices)).toEqual(expected.map((x) => x.j));
    }
  });

  it('should rank a municipality already proposed to others below an equal one, without changing the shared pool', () => {
    const pool = new PreparedEuPool([makeEu({ id: 'PL-A' }), makeEu({ id: 'PL-B' })]);
    const open = OpenProposalCounts.of(pool.size, [[pool.indexOf('PL-A'), 15]]);

    const live = topK(makeHromada(), pool, DEFAULT_CAMPAIGN, 2, open);

    expect(live.map((r) => r.id)).toEqual(['PL-B', 'PL-A']);
    expect(live[1].factors.find((f) => f.factor === 'popularity')).toMatchObject({
      value: 1 / (1 + 15 / 10),
      reason: expect.stringContaining('already proposed to 15 other hromada(s)'),
    });
    // The pool shared by every query keeps its own counts: the next query without live counts ranks by id.
    expect(topK(makeHromada(), pool, DEFAULT_CAMPAIGN, 2).map((r) => r.id)).toEqual(['PL-A', 'PL-B']);
    expect(pool.openProposalsOf(pool.indexOf('PL-A'))).toBe(0);
  });
});

describe(explainPair.name, () => {
  it('should count a need nobody offers in the coverage when the term is unknown to the pool', () => {
    const pool = new PreparedEuPool([makeEu({ offers: ['water'] })]);
    const h = prepareHromada(makeHromada({ needs: ['water', 'demining'] }), pool.vocabulary);
    expect(explainPair(h, pool, 0, DEFAULT_CAMPAIGN).factors[2].value).toBe(0.5);
  });

  it('should score only the weighted factor when all other weights are zero', () => {
    const weights = Object.fromEntries(FACTOR_KEYS.map((k) => [k, k === 'languages' ? 1 : 0])) as Record<
      (typeof FACTOR_KEYS)[number],
      number
    >;
    const campaign = defineCampaign({ id: 'c', name: 'languages only', weights });
    const pool = new PreparedEuPool([makeEu({ languages: ['de'] })]);
    const h = prepareHromada(makeHromada({ languages: ['uk'] }), pool.vocabulary);
    expect(explainPair(h, pool, 0, campaign).score).toBe(0);
  });
});

describe(normalisedWeights.name, () => {
  it('should divide weights by their sum when they are valid', () => {
    const w = normalisedWeights(DEFAULT_CAMPAIGN);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('should throw when all weights are zero or one is negative', () => {
    const zero = Object.fromEntries(FACTOR_KEYS.map((k) => [k, 0])) as Record<
      (typeof FACTOR_KEYS)[number],
      number
    >;
    expect(() => normalisedWeights(defineCampaign({ id: 'z', name: 'z', weights: zero }))).toThrow(
      RangeError,
    );
    expect(() =>
      normalisedWeights(
        defineCampaign({ id: 'n', name: 'n', weights: { ...DEFAULT_CAMPAIGN.weights, distance: -1 } }),
      ),
    ).toThrow(RangeError);
  });
});

describe(scoreHromadasForVolunteer.name, () => {
  it('should rank hromadas for a volunteer with the same scores as the hromada-side query', () => {
    const eu = makeEu();
    const near = makeHromada({ id: 'UA-near', lat: 50.5, lon: 23 });
    const far = makeHromada({ id: 'UA-far', lat: 48.5, lon: 38, needs: ['health'] });
    const ranked = scoreHromadasForVolunteer(eu, [far, near], DEFAULT_CAMPAIGN, 5);
    expect(ranked.map((r) => r.id)).toEqual(['UA-near', 'UA-far']);
    const forward = topK(near, new PreparedEuPool([eu]), DEFAULT_CAMPAIGN, 1)[0];
    expect(ranked[0].score).toBeCloseTo(forward.score, 12);
  });

  it('should return nothing when the volunteer is not eligible in the campaign', () => {
    expect(
      scoreHromadasForVolunteer(makeEu({ country: 'DE' }), [makeHromada()], CAMPAIGN_2021_PRESET, 5),
    ).toEqual([]);
  });
});

describe(percentile.name, () => {
  it('should write English ordinals, as a coordinator reads them', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 100].map((n) => percentile(n))).toEqual([
      '1st percentile',
      '2nd percentile',
      '3rd percentile',
      '4th percentile',
      '11th percentile',
      '12th percentile',
      '13th percentile',
      '21st percentile',
      '22nd percentile',
      '23rd percentile',
      '100th percentile',
    ]);
    expect(percentile(6.6)).toBe('7th percentile');
    expect(percentile(undefined)).toBe('unknown');
  });
});

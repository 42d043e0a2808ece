import { DEFAULT_CAMPAIGN } from '../scoring/campaign';
import { makeEu, makeHromada } from '../scoring/candidate-profile.fixture';
import { PreparedEuPool, prepareHromada } from '../scoring/prepared-profile';
import { assignRound } from './assign-round';
import { buildCandidateGraph } from './candidate-graph';
import type { RoundProgress } from './round-progress';

function fixture() {
  const pool = new PreparedEuPool([
    makeEu({ id: 'E-a', offers: ['water', 'education'] }),
    makeEu({ id: 'E-b', offers: ['water'] }),
    makeEu({ id: 'E-c', offers: [] }),
  ]);
  const hromadas = [
    makeHromada({ id: 'H-1' }),
    makeHromada({ id: 'H-2', needs: ['water'] }),
    makeHromada({ id: 'H-3', needs: ['health'] }),
  ].map((h) => prepareHromada(h, pool.vocabulary));
  return { pool, hromadas };
}

describe(buildCandidateGraph.name, () => {
  it('should keep each hromada top-N with its N-th score as cutoff when lists are cut', () => {
    const { pool, hromadas } = fixture();
    const g = buildCandidateGraph(hromadas, pool, DEFAULT_CAMPAIGN, {
      candidatesPerHromada: 1,
      candidatesPerEuMunicipality: 0,
    });
    expect(Array.from(g.edgeHromada)).toEqual([0, 1, 2]);
    expect(g.euIds[g.edgeEu[0]]).toBe('E-a');
    expect(Array.from(g.hromadaCutoff!)).toEqual(Array.from(g.edgeScore));
  });

  it('should add each EU municipality best hromadas when the reverse direction is on', () => {
    const { pool, hromadas } = fixture();
    const g = buildCandidateGraph(hromadas, pool, DEFAULT_CAMPAIGN, {
      candidatesPerHromada: 1,
      candidatesPerEuMunicipality: 1,
    });
    expect(g.euIds).toEqual(['E-a', 'E-b', 'E-c']);
    expect(g.edgeScore.length).toBeGreaterThan(3);
    for (let k = 1; k < g.edgeScore.length; k++) {
      const ordered =
        g.edgeHromada[k - 1] < g.edgeHromada[k] ||
        (g.edgeHromada[k - 1] === g.edgeHromada[k] && g.edgeEu[k - 1] < g.edgeEu[k]);
      expect(ordered).toBe(true);
    }
  });

  it('should give the same round total as the complete graph when N covers the pool', () => {
    const { pool, hromadas } = fixture();
    const sparse = buildCandidateGraph(hromadas, pool, DEFAULT_CAMPAIGN, { candidatesPerHromada: 3 });
    const euCap = sparse.euIds.map(() => 1);
    const round = assignRound(sparse, 1, euCap);
    expect(round.pairs).toHaveLength(3);
    expect(round.upperBound).toBeCloseTo(round.totalScore, 9);
  });

  it('should report candidate progress up to the number of hromadas', () => {
    const { pool, hromadas } = fixture();
    const events: RoundProgress[] = [];
    buildCandidateGraph(hromadas, pool, DEFAULT_CAMPAIGN, { onProgress: (p) => events.push(p) });
    expect(events[events.length - 1]).toEqual({ phase: 'candidates', done: 3, total: 3 });
  });
});

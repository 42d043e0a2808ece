import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { postgresDataSourceOptions, runMigrationsUnderLock } from '@bridges/persistence';
import { createTestDatabase, type TestDatabase } from '@bridges/testing';
import { runFromDecisions } from '../../../tools/eval-matching/from-decisions';
import { DEMO_CAMPAIGN_ID } from '../src/campaigns/demo-campaign';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from '../src/database/matching.database';
import { FACTOR_WIRE_IDS } from '../src/proposals/proposal.mapper';
import { CAMPAIGN_2021_PRESET, FACTOR_KEYS, type FactorKey } from '../src/scoring/campaign';
import { insertDemoCampaign } from './support/demo-campaign';

/**
 * `eval:matching --from-decisions` on the real matching schema: decided proposals and partnership histories
 * written as the service stores them, read back by the tool's SQL, refitted, and turned into suggested weights.
 */
describe('eval:matching --from-decisions (real PostgreSQL, matching schema)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const otherCampaignId = randomUUID();
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  /** Stores a proposal as the service does: published factor scores by wire id, status and decisions. */
  const insertProposal = async (
    campaignId: string,
    hromadaId: string,
    status: 'open' | 'accepted' | 'declined' | 'withdrawn',
    values: Partial<Record<FactorKey, number>>,
  ): Promise<string> => {
    const id = randomUUID();
    const factors = FACTOR_KEYS.map((k) => ({
      factor: FACTOR_WIRE_IDS[k],
      score: values[k] ?? 0.5,
      weight: CAMPAIGN_2021_PRESET.weights[k],
      explanation: 'as published',
    }));
    const score = values.sizeSimilarity ?? 0.5; // what was published followed size
    await dataSource.query(
      `INSERT INTO proposal (id, campaign_id, hromada_id, eu_municipality_id, score, rank, mode, factors, status,
         hromada_decision, eu_decision)
       VALUES ($1, $2, $3, $4, $5, 1, 'incremental', $6, $7, $8, $9)`,
      [
        id,
        campaignId,
        hromadaId,
        randomUUID(),
        score,
        JSON.stringify(factors),
        status,
        status === 'accepted' ? 'accepted' : status === 'declined' ? 'declined' : null,
        status === 'accepted' ? 'accepted' : null,
      ],
    );
    return id;
  };

  /** A partnership from an accepted proposal, with its history of statuses. */
  const insertPartnership = async (proposalId: string, campaignId: string, history: string[]) => {
    const id = randomUUID();
    const [{ hromada_id, eu_municipality_id }] = await dataSource.query<
      { hromada_id: string; eu_municipality_id: string }[]
    >('SELECT hromada_id, eu_municipality_id FROM proposal WHERE id = $1', [proposalId]);
    await dataSource.query(
      `INSERT INTO partnership (id, proposal_id, campaign_id, hromada_id, eu_municipality_id, status, track,
         established_at, updated_at, origin)
       VALUES ($1, $2, $3, $4, $5, $6, 'formal', now(), now(), 'matching')`,
      [id, proposalId, campaignId, hromada_id, eu_municipality_id, history[history.length - 1]],
    );
    let from: string | null = null;
    for (const to of history) {
      await dataSource.query(
        `INSERT INTO partnership_transition (partnership_id, from_status, to_status, track, changed_by, changed_at)
         VALUES ($1, $2, $3, 'formal', 'coordinator', now())`,
        [id, from, to],
      );
      from = to;
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('matching_decisions');
    dataSource = await new DataSource(
      postgresDataSourceOptions({
        url: db.url,
        applicationName: 'matching-decisions',
        entities: MATCHING_ENTITIES,
        migrations: MATCHING_MIGRATIONS,
      }),
    ).initialize();
    await runMigrationsUnderLock(dataSource);
    await insertDemoCampaign(dataSource);
    await dataSource.query(
      `INSERT INTO campaign (id, slug, name, status, eu_eligibility, hromada_eligibility, weights, top_k,
         max_new_partners_per_hromada_per_round, candidates_per_hromada, candidates_per_eu_municipality, min_score,
         distance_half_score_km)
       SELECT $1, 'other-call', 'Another call', status, eu_eligibility, hromada_eligibility, weights, top_k,
         max_new_partners_per_hromada_per_round, candidates_per_hromada, candidates_per_eu_municipality, min_score,
         distance_half_score_km
       FROM campaign WHERE id = $2`,
      [otherCampaignId, DEMO_CAMPAIGN_ID],
    );
    // 60 hromadas in the demo campaign, three decided proposals each: the one that worked is always the
    // closest, while the published score followed size. Every tenth list's closest was accepted but its
    // partnership ended without ever becoming active, and the runner-up is the one that worked.
    for (let h = 0; h < 60; h++) {
      const hromadaId = randomUUID();
      const values = [0.9, 0.6, 0.3].map((distance, i) => ({
        distance,
        sizeSimilarity: [0.2, 0.8, 0.5][(h + i) % 3],
        landscape: [0.4, 0.6, 0.5][(h + 2 * i) % 3],
      }));
      const neverStarted = h % 10 === 0;
      for (let i = 0; i < values.length; i++) {
        const worked = neverStarted ? i === 1 : i === 0;
        const accepted = worked || (neverStarted && i === 0);
        const id = await insertProposal(DEMO_CAMPAIGN_ID, hromadaId, accepted ? 'accepted' : 'declined', {
          ...values[i],
          // The never-started one must not look like a success to the fit: give it the best distance too.
          ...(neverStarted && i === 0 ? { distance: 0.95 } : {}),
        });
        if (neverStarted && i === 0) await insertPartnership(id, DEMO_CAMPAIGN_ID, ['established', 'ended']);
        else if (worked) await insertPartnership(id, DEMO_CAMPAIGN_ID, ['established', 'active', 'ended']);
      }
      // Undecided and withdrawn proposals carry no decision: never read.
      await insertProposal(DEMO_CAMPAIGN_ID, hromadaId, 'open', { distance: 1 });
      await insertProposal(DEMO_CAMPAIGN_ID, hromadaId, 'withdrawn', { distance: 1 });
    }
    // Another campaign where size, not distance, decided: only read when all campaigns are asked for.
    for (let h = 0; h < 5; h++) {
      const hromadaId = randomUUID();
      await insertProposal(otherCampaignId, hromadaId, 'accepted', { sizeSimilarity: 0.9, distance: 0.1 });
      await insertProposal(otherCampaignId, hromadaId, 'declined', { sizeSimilarity: 0.1, distance: 0.9 });
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  beforeEach(() => lines.splice(0));

  it('should suggest weights that favour what made proposals work, judged on held-out hromadas', async () => {
    const result = await runFromDecisions({ databaseUrl: db.url, campaignId: DEMO_CAMPAIGN_ID }, log);

    expect(result.decisions).toBe(180); // 60 lists × 3 decided; open and withdrawn left out
    expect(result.groups).toBe(60);
    const w = result.suggested!;
    expect(w).not.toBeNull();
    expect(w.distance).toBeGreaterThan(2 * w.sizeSimilarity);
    expect(w.distance).toBeGreaterThan(2 * w.landscape);
    expect(w.sectorFit).toBe(CAMPAIGN_2021_PRESET.weights.sectorFit); // not informed: unchanged
    expect(lines.join('\n')).toMatch(/worked 60, declined 114, accepted but never started 6/);
    expect(lines.join('\n')).toMatch(/held-out hromadas \(5-fold by hromada\)/);
    expect(lines.join('\n')).toContain(JSON.stringify(w));
  });

  it('should read every campaign when none is named, and refuse a campaign that does not exist', async () => {
    const all = await runFromDecisions({ databaseUrl: db.url }, log);
    expect(all.decisions).toBe(190);
    expect(all.groups).toBe(65);

    await expect(runFromDecisions({ databaseUrl: db.url, campaignId: randomUUID() }, log)).rejects.toThrow(
      /no campaign .* check --campaign/,
    );
  });

  it('should say too few comparisons instead of suggesting weights from a handful of decisions', async () => {
    const result = await runFromDecisions({ databaseUrl: db.url, campaignId: otherCampaignId }, log);
    expect(result.groups).toBe(5);
    expect(result.suggested).toBeNull();
    expect(result.reason).toMatch(/only 5 comparisons/);
  });

  it('should keep a factor the campaign was stored without at 0, as the scorer read it, not at its default', async () => {
    await dataSource.query(`UPDATE campaign SET weights = weights - 'sectorFit' WHERE id = $1`, [
      DEMO_CAMPAIGN_ID,
    ]);
    const result = await runFromDecisions({ databaseUrl: db.url, campaignId: DEMO_CAMPAIGN_ID }, log);
    expect(result.suggested).toMatchObject({ sectorFit: 0 });
    expect(result.suggested!.distance).toBeGreaterThan(0);
  });

  it('should say what to do, without the password, when the database cannot be reached', async () => {
    const unreachable = 'postgres://bridges:s3cret@127.0.0.1:1/bridges_matching';
    const run = runFromDecisions({ databaseUrl: unreachable }, log);
    await expect(run).rejects.toThrow(/npm start.*--database-url/);
    await expect(run).rejects.not.toThrow(/s3cret/);
  });
});

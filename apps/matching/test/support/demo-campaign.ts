import { normaliseWeightsForStorage } from '../../src/campaigns/campaign.defaults';
import { DEMO_CAMPAIGN_ID } from '../../src/campaigns/demo-campaign';
import { CAMPAIGN_2021_PRESET } from '../../src/scoring/campaign';

/** Anything that runs SQL with positional parameters: a TypeORM DataSource or a pg Client. */
interface Sql {
  query(text: string, params: unknown[]): Promise<unknown>;
}

/**
 * Creates the active 2021-like campaign under {@link DEMO_CAMPAIGN_ID}. No migration seeds a campaign
 * (a production install starts with none), so a test that needs one creates it, as `npm start`'s demo
 * seed does over HTTP.
 */
export async function insertDemoCampaign(sql: Sql, overrides: { topK?: number } = {}): Promise<void> {
  const c = CAMPAIGN_2021_PRESET;
  await sql.query(
    `INSERT INTO "campaign" ("id", "slug", "name", "status", "eu_eligibility", "hromada_eligibility", "weights", "top_k",
       "max_new_partners_per_hromada_per_round", "candidates_per_hromada", "candidates_per_eu_municipality", "min_score",
       "distance_half_score_km")
     VALUES ($1, $2, $3, 'active', $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      DEMO_CAMPAIGN_ID,
      c.id,
      c.name,
      JSON.stringify(c.euEligibility),
      JSON.stringify(c.hromadaEligibility),
      JSON.stringify(normaliseWeightsForStorage(c.weights)),
      overrides.topK ?? c.topK,
      c.maxNewPartnersPerHromadaPerRound,
      c.candidatesPerHromada,
      c.candidatesPerEuMunicipality,
      c.minScore,
      c.distanceHalfScoreKm,
    ],
  );
}

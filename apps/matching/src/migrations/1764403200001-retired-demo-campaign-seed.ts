import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEMO_CAMPAIGN_ID } from '../campaigns/demo-campaign';
import { CAMPAIGN_2021_PRESET } from '../scoring/campaign';

/**
 * The quick start's campaign, present after migrations: the 2021-like call (EE, LT, LV, PL, SK;
 * 400–50,000 inhabitants; non-metropolitan), active, so the demo hromadas get proposals as soon as the
 * registry seed reaches matching. Inserted once; a coordinator may edit or close it afterwards.
 */
export class SeedDemoCampaign1764403200001 implements MigrationInterface {
  name = 'SeedDemoCampaign1764403200001';

  async up(q: QueryRunner): Promise<void> {
    const c = CAMPAIGN_2021_PRESET;
    await q.query(
      `INSERT INTO "campaign" ("id", "slug", "name", "status", "eu_eligibility", "hromada_eligibility", "weights", "top_k",
         "max_new_partners_per_hromada_per_round", "candidates_per_hromada", "candidates_per_eu_municipality", "min_score",
         "distance_half_score_km")
       VALUES ($1, $2, $3, 'active', $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
      [
        DEMO_CAMPAIGN_ID,
        c.id,
        c.name,
        JSON.stringify(c.euEligibility),
        JSON.stringify(c.hromadaEligibility),
        JSON.stringify(c.weights),
        c.topK,
        c.maxNewPartnersPerHromadaPerRound,
        c.candidatesPerHromada,
        c.candidatesPerEuMunicipality,
        c.minScore,
        c.distanceHalfScoreKm,
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "campaign" WHERE "id" = $1`, [DEMO_CAMPAIGN_ID]);
  }
}

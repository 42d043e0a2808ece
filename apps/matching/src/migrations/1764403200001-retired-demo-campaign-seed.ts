import type { MigrationInterface } from 'typeorm';

/**
 * Retired; does nothing. It used to insert the quick start's demo campaign, so every production install
 * started with an active campaign proposing (and emailing) under it. Demo data now comes from the demo
 * seed `npm start` runs (tools/dev/seed-demo-campaign.ts).
 *
 * It keeps its recorded name and its place in the list rather than disappearing: databases that ran it
 * keep a history TypeORM recognises (`migration:revert` looks the last migration up by name), and new
 * databases record the same history. It deletes nothing either: on an install that ran the old version
 * a coordinator may have edited and used that campaign for real. docs/operations.md ("Upgrading") says
 * how to find and close it.
 */
export class RetiredDemoCampaignSeed1764403200001 implements MigrationInterface {
  name = 'SeedDemoCampaign1764403200001';

  up(): Promise<void> {
    return Promise.resolve();
  }

  down(): Promise<void> {
    return Promise.resolve();
  }
}

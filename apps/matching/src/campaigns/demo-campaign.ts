/** Fixed id of the quick start's campaign (the 2021-like preset); tests create it, never a migration. */
export const DEMO_CAMPAIGN_ID = '2021b1d9-5e4a-4c1f-9a6e-000000002021';

/**
 * The quick start's matching campaign: the 2021-like call (EE, LT, LV, PL, SK; 400–50,000 inhabitants;
 * non-metropolitan), opened over matching's HTTP API as a coordinator would, so the demo hromadas get
 * proposals as the registry seed reaches matching. Demo data, never a migration: a production install
 * starts with no campaign. Idempotent: a campaign with the preset's slug is left as it is.
 */
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { CAMPAIGN_2021_PRESET } from '../../apps/matching/src/scoring/campaign';

/** What `POST /campaigns` gets for the demo: the preset, its id as the slug. */
export function demoCampaignRequest(): Record<string, unknown> {
  const c = CAMPAIGN_2021_PRESET;
  return {
    slug: c.id,
    name: c.name,
    euEligibility: c.euEligibility,
    hromadaEligibility: c.hromadaEligibility,
    weights: c.weights,
    topK: c.topK,
    maxNewPartnersPerHromadaPerRound: c.maxNewPartnersPerHromadaPerRound,
    candidatesPerHromada: c.candidatesPerHromada,
    candidatesPerEuMunicipality: c.candidatesPerEuMunicipality,
    minScore: c.minScore,
    distanceHalfScoreKm: c.distanceHalfScoreKm,
  };
}

/** Creates the demo campaign on the matching service at `baseUrl` unless it exists; says which. */
export async function seedDemoCampaign(baseUrl: string): Promise<'created' | 'existing'> {
  const token = await signDevToken({
    secret: DEV_JWT_SECRET,
    roles: [Role.MatchingCoordinator],
    sub: 'demo-seed',
  });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const listed = await fetch(new URL('/campaigns', baseUrl), { headers });
  if (!listed.ok) throw new Error(`GET /campaigns answered ${listed.status}: ${await listed.text()}`);
  const campaigns = (await listed.json()) as { slug: string }[];
  if (campaigns.some((c) => c.slug === CAMPAIGN_2021_PRESET.id)) return 'existing';
  const created = await fetch(new URL('/campaigns', baseUrl), {
    method: 'POST',
    headers,
    body: JSON.stringify(demoCampaignRequest()),
  });
  if (created.status !== 201)
    throw new Error(`POST /campaigns answered ${created.status}: ${await created.text()}`);
  return 'created';
}

import type { CampaignWeights, CreateCampaign } from './api';

/** The campaign form as typed: text as entered, turned into the API's request by {@link campaignRequest}. */
export interface CampaignDraft {
  slug: string;
  name: string;
  /** Comma-separated country codes. */
  countries: string;
  populationMin: string;
  populationMax: string;
  excludeMetropolitan: boolean;
  requireFreeCapacity: boolean;
  /** Comma-separated oblast names. */
  oblasts: string;
  settlementTypes: string[];
  withoutInternationalPartnerOnly: boolean;
  weights: Partial<Record<keyof CampaignWeights, string>>;
}

export const EMPTY_CAMPAIGN_DRAFT: CampaignDraft = {
  slug: '',
  name: '',
  countries: '',
  populationMin: '',
  populationMax: '',
  excludeMetropolitan: false,
  // The service's default: an EU municipality with no free slot is not proposed.
  requireFreeCapacity: true,
  oblasts: '',
  settlementTypes: [],
  withoutInternationalPartnerOnly: false,
  weights: {},
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
/** An empty field is left out (the service's default); anything else is sent for the service to judge. */
const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The eligibility part of the draft, as both the preview and the creation take it. */
export function eligibilityOf(
  d: CampaignDraft,
): Pick<CreateCampaign, 'euEligibility' | 'hromadaEligibility'> {
  const countries = list(d.countries).map((c) => c.toUpperCase());
  const oblasts = list(d.oblasts);
  return {
    euEligibility: {
      ...(countries.length ? { countries } : {}),
      ...(number(d.populationMin) !== undefined ? { populationMin: number(d.populationMin) } : {}),
      ...(number(d.populationMax) !== undefined ? { populationMax: number(d.populationMax) } : {}),
      ...(d.excludeMetropolitan ? { excludeMetropolitan: true } : {}),
      requireFreeCapacity: d.requireFreeCapacity,
    },
    hromadaEligibility: {
      ...(oblasts.length ? { oblasts } : {}),
      ...(d.settlementTypes.length
        ? {
            settlementTypes: d.settlementTypes as NonNullable<
              CreateCampaign['hromadaEligibility']
            >['settlementTypes'],
          }
        : {}),
      ...(d.withoutInternationalPartnerOnly ? { withoutInternationalPartnerOnly: true } : {}),
    },
  };
}

/** The whole request: slug, name, eligibility and the weights that were filled in. */
export function campaignRequest(d: CampaignDraft): CreateCampaign {
  const weights = Object.fromEntries(
    Object.entries(d.weights).flatMap(([key, text]) =>
      number(text ?? '') === undefined ? [] : [[key, number(text ?? '')]],
    ),
  ) as CampaignWeights;
  return {
    slug: d.slug.trim(),
    name: d.name.trim(),
    ...eligibilityOf(d),
    ...(Object.keys(weights).length ? { weights } : {}),
  };
}

import { authToken, createApiClient, signalUnauthorized } from '@bridges/console-kit';
import type { components, paths } from '../generated/api';

/** The matching API, typed from its OpenAPI document (generated/api.d.ts). */
export const api = createApiClient<paths>({ token: authToken, onUnauthorized: signalUnauthorized });

export type DecideProposal = components['schemas']['DecideProposalDto'];
export type MunicipalitySummary = components['schemas']['MunicipalitySummaryDto'];
export type ProposalSide = NonNullable<DecideProposal['side']>;
export type PartnershipStatus = components['schemas']['ChangePartnershipStatusDto']['status'];
export type ProposalStatus = NonNullable<
  NonNullable<paths['/proposals']['get']['parameters']['query']>['status']
>;

/** Responses, typed from matching's response DTOs; each side comes with its summary (names, region, link). */
export type ProposalFactor = components['schemas']['ProposalFactorDto'];
export type Proposal = components['schemas']['ProposalResponseDto'];
export type Partnership = components['schemas']['PartnershipResponseDto'];
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type Campaign = components['schemas']['CampaignResponseDto'];
export type CreateCampaign = components['schemas']['CreateCampaignDto'];
export type CampaignWeights = components['schemas']['FactorWeightsDto'];
export type EligibilityPreview = components['schemas']['EligibilityPreviewResponseDto'];
export type Round = components['schemas']['RoundResponseDto'];
export type PartnershipDetail = components['schemas']['PartnershipDetailResponseDto'];

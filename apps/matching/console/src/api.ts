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

/*
 * Matching's OpenAPI document does not describe its responses yet (its controllers declare no
 * response DTOs), so the generator gives `unknown` for them. These are the fields the console reads,
 * from apps/matching's ProposalEntity / PartnershipEntity; they go once matching documents them.
 */
export interface ProposalFactor {
  factor: string;
  score: number;
  weight: number;
  explanation: string;
}
export interface Proposal {
  id: string;
  campaignId: string;
  hromadaId: string;
  euMunicipalityId: string;
  score: number;
  rank: number;
  mode: string;
  factors: ProposalFactor[];
  status: ProposalStatus;
  hromadaDecision: 'accepted' | 'declined' | null;
  euDecision: 'accepted' | 'declined' | null;
  createdAt: string;
}
export interface Partnership {
  id: string;
  proposalId: string;
  hromadaId: string;
  euMunicipalityId: string;
  status: PartnershipStatus;
  track: string;
  establishedAt: string;
  updatedAt: string;
}
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

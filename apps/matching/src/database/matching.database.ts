import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@bridges/messaging';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { CreateMatchingTables1764403200000 } from '../migrations/1764403200000-create-matching-tables';
import { RetiredDemoCampaignSeed1764403200001 } from '../migrations/1764403200001-retired-demo-campaign-seed';
import { ProjectionIndicators1796000000000 } from '../migrations/1796000000000-projection-indicators';
import { RecordedPartnerships1797000000000 } from '../migrations/1797000000000-recorded-partnerships';
import { RoundUpperBound1798000000000 } from '../migrations/1798000000000-round-upper-bound';
import { PartnershipTransitionEntity } from '../partnerships/partnership-transition.entity';
import { PartnershipEntity } from '../partnerships/partnership.entity';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { ProposalEntity } from '../proposals/proposal.entity';
import { MatchingRoundEntity } from '../rounds/matching-round.entity';

/** Every table of the matching database: messaging's outbox/inbox and matching's own. */
export const MATCHING_ENTITIES = [
  ...MESSAGING_ENTITIES,
  MunicipalityProjectionEntity,
  CampaignEntity,
  ProposalEntity,
  PartnershipEntity,
  PartnershipTransitionEntity,
  MatchingRoundEntity,
];

/** Migrations in order: messaging first, then matching's. */
export const MATCHING_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateMatchingTables1764403200000,
  RetiredDemoCampaignSeed1764403200001,
  ProjectionIndicators1796000000000,
  RecordedPartnerships1797000000000,
  RoundUpperBound1798000000000,
];

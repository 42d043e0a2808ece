import { PickType } from '@nestjs/swagger';
import { CreateCampaignDto } from '../../campaigns/dto/create-campaign.dto';

/**
 * The eligibility part of a campaign being written, to count who it admits before creating it: the same fields,
 * validation and documentation as in `POST /campaigns` (PickType copies them).
 */
export class PreviewEligibilityDto extends PickType(CreateCampaignDto, [
  'euEligibility',
  'hromadaEligibility',
] as const) {}

import { ApiProperty } from '@nestjs/swagger';
import { EuEligibilityDto, FactorWeightsDto, HromadaEligibilityDto } from './create-campaign.dto';

/** A campaign as the API shows it (documents the stored row for the console's typed client). */
export class CampaignResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['active', 'closed'] }) status: 'active' | 'closed';
  @ApiProperty({ type: EuEligibilityDto }) euEligibility: EuEligibilityDto;
  @ApiProperty({ type: HromadaEligibilityDto }) hromadaEligibility: HromadaEligibilityDto;
  @ApiProperty({ type: FactorWeightsDto, description: 'Every factor, as stored' }) weights: FactorWeightsDto;
  @ApiProperty() topK: number;
  @ApiProperty() maxNewPartnersPerHromadaPerRound: number;
  @ApiProperty() candidatesPerHromada: number;
  @ApiProperty() candidatesPerEuMunicipality: number;
  @ApiProperty() minScore: number;
  @ApiProperty() distanceHalfScoreKm: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

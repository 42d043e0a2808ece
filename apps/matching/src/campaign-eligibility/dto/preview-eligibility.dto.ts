import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { EuEligibilityDto, HromadaEligibilityDto } from '../../campaigns/dto/create-campaign.dto';

/** The eligibility part of a campaign being written, to count who it admits before creating it. */
export class PreviewEligibilityDto {
  @ApiPropertyOptional({ type: EuEligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EuEligibilityDto)
  euEligibility?: EuEligibilityDto;

  @ApiPropertyOptional({ type: HromadaEligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HromadaEligibilityDto)
  hromadaEligibility?: HromadaEligibilityDto;
}

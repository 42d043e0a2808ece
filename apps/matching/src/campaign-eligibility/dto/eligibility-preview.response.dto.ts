import { ApiProperty } from '@nestjs/swagger';

/** How many of one side a campaign admits, out of how many it could. */
export class EligibleCountDto {
  @ApiProperty({ description: 'Admitted by the eligibility rules' }) eligible: number;
  @ApiProperty({ description: 'Considered at all (see the side for what counts)' }) total: number;
}

/** Who a campaign with this eligibility would match, counted as its rounds would see them now. */
export class EligibilityPreviewResponseDto {
  @ApiProperty({
    type: EligibleCountDto,
    description: 'Active EU municipalities with a population and a location (the EU pool)',
  })
  euMunicipalities: EligibleCountDto;
  @ApiProperty({
    type: EligibleCountDto,
    description: 'Active hromadas seeking a partner, with a population and a location',
  })
  hromadas: EligibleCountDto;
}

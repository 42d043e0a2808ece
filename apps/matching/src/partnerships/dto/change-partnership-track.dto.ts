import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PartnershipTrack } from '@bridges/contracts';

/** Switches a partnership between the formal and the solidarity (non-formal) track. */
export class ChangePartnershipTrackDto {
  @ApiProperty({ enum: Object.values(PartnershipTrack) })
  @IsIn(Object.values(PartnershipTrack))
  track: PartnershipTrack;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

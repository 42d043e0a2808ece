import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PartnershipStatus } from '@bridges/contracts';

/** Moves a partnership to another lifecycle status. */
export class ChangePartnershipStatusDto {
  @ApiProperty({ enum: Object.values(PartnershipStatus), example: PartnershipStatus.Active })
  @IsIn(Object.values(PartnershipStatus))
  status: PartnershipStatus;

  @ApiPropertyOptional({ example: 'Cooperation agreement signed on 12 May' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

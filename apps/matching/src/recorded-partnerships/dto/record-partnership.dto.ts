import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PartnershipTrack } from '@bridges/contracts';

/** A partnership formed before or outside Bridges, as a coordinator records it. */
export class RecordPartnershipDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() hromadaId: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() euMunicipalityId: string;

  @ApiProperty({ example: '2022-04-14', description: 'The day it was formed (not in the future)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'establishedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  establishedOn: string;

  @ApiPropertyOptional({ enum: Object.values(PartnershipTrack), default: PartnershipTrack.Formal })
  @IsOptional()
  @IsIn(Object.values(PartnershipTrack))
  track?: PartnershipTrack;

  @ApiPropertyOptional({ example: 'Twinning agreement signed by both councils in 2022' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NormalizedText } from '@bridges/platform';
import { CreateEventDto } from './create-event.dto';

/**
 * Changes to an event; absent fields stay. Kind, quotas and invitations have their own endpoints. A change
 * to a published event is announced (`EventChangedV1`) with `reason`.
 */
export class UpdateEventDto extends PartialType(
  OmitType(CreateEventDto, ['kind', 'quotas', 'invitedMunicipalityIds'] as const),
) {
  @ApiPropertyOptional({ description: 'Why it changed, for the announcement' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

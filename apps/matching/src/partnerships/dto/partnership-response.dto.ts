import { ApiProperty } from '@nestjs/swagger';
import { PartnershipStatus, PartnershipTrack } from '@bridges/contracts';
import { MunicipalitySummaryDto } from '../../municipality-summaries/dto/municipality-summary.dto';
import { PartnershipOrigin } from '../partnership-origin';

/** One step of a partnership's history. */
export class PartnershipTransitionDto {
  @ApiProperty({
    enum: Object.values(PartnershipStatus),
    nullable: true,
    description: 'null: established',
  })
  fromStatus: PartnershipStatus | null;
  @ApiProperty({ enum: Object.values(PartnershipStatus) }) toStatus: PartnershipStatus;
  @ApiProperty({ enum: Object.values(PartnershipTrack) }) track: PartnershipTrack;
  @ApiProperty({ description: 'Token subject of who made the step' }) changedBy: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) changedAt: Date;
}

/** A partnership as the API shows it: both sides named, no internal bookkeeping. */
export class PartnershipResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null when recorded' })
  proposalId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null when recorded' })
  campaignId: string | null;
  @ApiProperty({ format: 'uuid' }) hromadaId: string;
  @ApiProperty({ format: 'uuid' }) euMunicipalityId: string;
  @ApiProperty({ type: MunicipalitySummaryDto, nullable: true, description: 'Who the hromada is' })
  hromada: MunicipalitySummaryDto | null;
  @ApiProperty({
    type: MunicipalitySummaryDto,
    nullable: true,
    description: 'Who the EU municipality is',
  })
  euMunicipality: MunicipalitySummaryDto | null;
  @ApiProperty({ enum: Object.values(PartnershipStatus) }) status: PartnershipStatus;
  @ApiProperty({ enum: Object.values(PartnershipTrack) }) track: PartnershipTrack;
  @ApiProperty({ enum: Object.values(PartnershipOrigin) }) origin: PartnershipOrigin;
  @ApiProperty({ type: String, nullable: true, description: "A recorded partnership's note" })
  note: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) establishedAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

/** One partnership with its history and the lifecycle steps allowed now. */
export class PartnershipDetailResponseDto extends PartnershipResponseDto {
  @ApiProperty({ type: [PartnershipTransitionDto], description: 'Oldest step first' })
  history: PartnershipTransitionDto[];
  @ApiProperty({ enum: Object.values(PartnershipStatus), isArray: true })
  allowedTransitions: PartnershipStatus[];
}

/** One page of `GET /partnerships`. */
export class PartnershipPageDto {
  @ApiProperty({ type: [PartnershipResponseDto] }) items: PartnershipResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

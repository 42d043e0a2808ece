import { ApiProperty } from '@nestjs/swagger';
import { RoundPhase, RoundStatus } from '../matching-round.entity';

/** A global round with its progress and, once completed, its result. */
export class RoundResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ enum: Object.values(RoundStatus) }) status: RoundStatus;
  @ApiProperty({ enum: Object.values(RoundPhase) }) phase: RoundPhase;
  @ApiProperty({ description: 'Work done in the current phase' }) done: number;
  @ApiProperty({ description: 'Work of the current phase' }) total: number;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ type: String, nullable: true, description: 'The instance computing it' })
  claimedBy: string | null;
  @ApiProperty() attempt: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leaseExpiresAt: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Hromadas seeking a partner it considered' })
  hromadaCount: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'EU municipalities in its candidate graph' })
  euCount: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Pairs matched (new proposals written)' })
  proposalCount: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Sum of the matched pairs’ scores' })
  totalScore: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'No assignment within the capacities totals more; equal to totalScore: proven optimal',
  })
  upperBound: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: Date | null;
}

/** One page of `GET /rounds`. */
export class RoundPageDto {
  @ApiProperty({ type: [RoundResponseDto] }) items: RoundResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

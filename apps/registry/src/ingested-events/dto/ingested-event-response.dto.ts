import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REJECTION_PATHS } from '../ingest-rejection.entity';

export const INGEST_CHANNELS = ['http-ingest', 'kafka'] as const;

/** One association event the registry applied from `associations.inbound.v1`. */
export class IngestedEventResponseDto {
  @ApiProperty({ description: 'The CloudEvents id on associations.inbound.v1' }) eventId: string;
  @ApiProperty({ example: 'associations.member-municipality.volunteered.v1' }) type: string;
  @ApiProperty({ format: 'date-time', description: 'When the registry applied it' }) processedAt: string;
  @ApiProperty({
    enum: INGEST_CHANNELS,
    description: 'http-ingest: signed POST /ingest (receipt kept); kafka: published on the topic directly',
  })
  via: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'http-ingest only' }) associationId?: string;
  @ApiPropertyOptional({ description: 'http-ingest only' }) associationName?: string;
  @ApiPropertyOptional({ description: "The association's own event id (http-ingest only)" })
  sourceEventId?: string;
}

export class IngestedEventPageDto {
  @ApiProperty({ type: [IngestedEventResponseDto] }) items: IngestedEventResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** An inbound record the consumer is retrying now (it reaches the DLQ after its last attempt). */
export class RetryingEventResponseDto {
  @ApiProperty() topic: string;
  @ApiProperty() partition: number;
  @ApiProperty() offset: string;
  @ApiProperty() attempts: number;
  @ApiProperty() lastError: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** An association event the registry refused: at `POST /ingest`, or dead-lettered by its consumer. */
export class IngestRejectionResponseDto {
  @ApiProperty({ description: 'Increasing: newer rejections have higher ids' }) id: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({
    enum: REJECTION_PATHS,
    description:
      'http: POST /ingest refused it; kafka: the consumer dead-lettered it (on associations.inbound.v1.dlq)',
  })
  path: string;
  @ApiProperty({
    description:
      'http: unauthenticated, invalid-event, wrong-association, replayed; kafka: invalid, permanent, retries-exhausted',
    example: 'invalid-event',
  })
  reason: string;
  @ApiProperty({ description: 'Why, as the sender was told (at most 500 characters)' }) message: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'When known: a verified key, or the payload' })
  associationId?: string;
  @ApiPropertyOptional() associationName?: string;
  @ApiPropertyOptional({ description: 'The Bridges-Key-Id sent (http only)' }) keyId?: string;
  @ApiPropertyOptional({ description: 'The CloudEvents id, when the body or record names one' })
  eventId?: string;
  @ApiPropertyOptional({ description: 'The CloudEvents type, when the body or record names one' })
  eventType?: string;
}

export class IngestRejectionPageDto {
  @ApiProperty({ type: [IngestRejectionResponseDto] }) items: IngestRejectionResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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

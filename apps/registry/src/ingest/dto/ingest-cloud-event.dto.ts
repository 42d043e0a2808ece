import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsDateString, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/**
 * The body of `POST /ingest`: one CloudEvent in structured mode (`application/cloudevents+json`),
 * whose `data` is the payload of an `associations.inbound.v1` event type.
 */
export class IngestCloudEventDto {
  @ApiProperty({ example: '1.0' }) @Equals('1.0', { message: 'must be "1.0"' }) specversion: string;
  @ApiProperty({ description: "The association's own event id; sending it again has no second effect" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  id: string;

  @ApiProperty({ example: 'associations.member-municipality.volunteered.v1' })
  @IsString()
  @MaxLength(200)
  type: string;
  @ApiProperty({ example: '/associations/zmp' }) @IsString() @MinLength(1) @MaxLength(500) source: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() time?: string;
  @ApiPropertyOptional({ example: 'application/json' })
  @IsOptional()
  @Equals('application/json')
  datacontenttype?: string;
  @ApiProperty({ type: Object }) @IsObject() data: Record<string, unknown>;
}

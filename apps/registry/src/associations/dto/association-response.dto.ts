import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An association; documentation only. */
export class AssociationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true }) country: string | null;
  @ApiProperty() createdAt: Date;
}

/** A key as listed (never its secret or digest); documentation only. */
export class ApiKeyResponseDto {
  @ApiProperty({ example: 'bk_3f9a1c2b7d4e5f60' }) keyId: string;
  @ApiProperty({ format: 'uuid' }) associationId: string;
  @ApiPropertyOptional() label?: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional() revokedAt?: string;
}

/** A freshly issued key: the only time the secret is shown; documentation only. */
export class IssuedApiKeyResponseDto {
  @ApiProperty({ example: 'bk_3f9a1c2b7d4e5f60' }) keyId: string;
  @ApiProperty({ description: 'Shown once; the registry keeps only its SHA-256' }) secret: string;
  @ApiProperty({ format: 'uuid' }) associationId: string;
  @ApiProperty({ description: 'How to sign POST /ingest' }) signing: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GeoPointDto, RegionDto, SectorStatementDto } from './profile-parts.dto';

/**
 * The public profile (`GET /municipalities/:id/public`): what any signed-in officer or coordinator may
 * read, without contacts or other personal data; documentation only.
 */
export class PublicMunicipalityResponseDto {
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty({ enum: ['hromada', 'eu-municipality'] }) kind: string;
  @ApiProperty() country: string;
  @ApiProperty() officialCode: string;
  @ApiProperty() nameNative: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty({ type: RegionDto, description: 'Oblast (Ukraine) or NUTS 3 region (EU), with its name' })
  region: RegionDto;
  @ApiProperty() settlementType: string;
  @ApiPropertyOptional() population?: number;
  @ApiPropertyOptional() populationYear?: number;
  @ApiPropertyOptional() areaKm2?: number;
  @ApiPropertyOptional({ type: GeoPointDto }) location?: GeoPointDto;
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty({ type: [SectorStatementDto] }) needs: SectorStatementDto[];
  @ApiProperty({ type: [SectorStatementDto] }) offers: SectorStatementDto[];
  @ApiProperty({ type: [String] }) priorities: string[];
  @ApiProperty({ type: [String] }) workingLanguages: string[];
  @ApiPropertyOptional() partnershipCapacity?: number;
  @ApiProperty({ type: [String] }) internationalPartners: string[];
  @ApiProperty() seekingPartner: boolean;
  @ApiProperty() active: boolean;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ContactDto, GeoPointDto, RegionDto, SectorStatementDto, WarImpactDto } from './profile-parts.dto';

/** A profile as the API returns it (the event snapshot plus status); documentation only. */
export class MunicipalityResponseDto {
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty({ description: 'Also the ETag: send it back in If-Match to change the profile' })
  version: number;
  @ApiProperty({ enum: ['hromada', 'eu-municipality'] }) kind: string;
  @ApiProperty() country: string;
  @ApiProperty() officialCode: string;
  @ApiProperty() nameNative: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty({ type: RegionDto }) region: RegionDto;
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
  @ApiPropertyOptional({ type: WarImpactDto, description: 'Unknown flags are absent' })
  warImpact?: WarImpactDto;
  @ApiPropertyOptional({ description: "On Minregion's 2022 war-zone lists (import)" })
  listedInWarZone2022?: boolean;
  @ApiProperty() seekingPartner: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) associationId?: string;
  @ApiPropertyOptional({
    type: [ContactDto],
    description: "Only for registry coordinators and the municipality's own officers",
  })
  contacts?: ContactDto[];
  @ApiProperty() active: boolean;
  @ApiPropertyOptional() deactivationReason?: string;
}

/** One page of `GET /municipalities`; documentation only. */
export class MunicipalityPageDto {
  @ApiProperty({ type: [MunicipalityResponseDto] }) items: MunicipalityResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { MunicipalityKind } from '@bridges/contracts';

/**
 * What a console shows of a municipality next to a proposal or partnership: public profile data only,
 * from matching's projection, with the link to the full public profile in the registry.
 */
export class MunicipalitySummaryDto {
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty({ enum: Object.values(MunicipalityKind) }) kind: MunicipalityKind;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'PL' }) country: string;
  @ApiProperty({ example: 'Biłgoraj' }) nameNative: string;
  @ApiProperty({ example: 'Bilgoraj' }) nameLatin: string;
  @ApiProperty({
    description: 'Oblast (Ukraine) or NUTS 3 region (EU), by name',
    example: 'Chełmsko-zamojski',
  })
  regionName: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Inhabitants; null when unknown' })
  population: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Centre, WGS84' }) lat: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Centre, WGS84' }) lon: number | null;
  @ApiProperty({
    description:
      'Its public profile in the registry (any signed-in officer or coordinator may read it; no contacts)',
    example: 'http://127.0.0.1:3001/municipalities/7d0c…/public',
  })
  publicProfileUrl: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MunicipalityKind } from '@bridges/contracts';

/** What a console shows of a municipality next to a proposal or partnership: public profile data only. */
export class MunicipalitySummaryDto {
  @ApiProperty() municipalityId: string;
  @ApiProperty({ enum: Object.values(MunicipalityKind) }) kind: MunicipalityKind;
  @ApiProperty() country: string;
  @ApiProperty() nameNative: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty() regionName: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Centre, WGS84' }) lat: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Centre, WGS84' }) lon: number | null;
}

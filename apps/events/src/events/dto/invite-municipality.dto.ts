import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class InviteMunicipalityDto {
  @ApiProperty() @IsUUID() municipalityId: string;
}

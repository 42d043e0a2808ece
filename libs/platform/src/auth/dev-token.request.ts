import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ALL_ROLES, Role } from './role';

/** What the development sign-in page asks for: one role and, for an officer, the municipality. */
export class DevTokenRequestDto {
  @ApiProperty({ enum: ALL_ROLES })
  @IsIn(ALL_ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Required for municipality:officer: the municipality id (uuid)' })
  @ValidateIf(
    (o: DevTokenRequestDto) => o.role === Role.MunicipalityOfficer || o.municipalityId !== undefined,
  )
  @IsUUID(undefined, { message: 'must be a municipality id (uuid); an officer needs one' })
  municipalityId?: string;

  @ApiPropertyOptional({ description: 'Display name carried in the token' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;
}

/** A development bearer token and its lifetime. */
export class DevTokenResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until it expires' }) expiresIn: number;
}

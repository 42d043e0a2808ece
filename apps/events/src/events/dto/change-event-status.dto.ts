import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EventStatus } from '@bridges/contracts';
import { NormalizedText } from '@bridges/platform';

export class ChangeEventStatusDto {
  @ApiProperty({ enum: Object.values(EventStatus) }) @IsIn(Object.values(EventStatus)) status: EventStatus;
  @ApiPropertyOptional() @IsOptional() @NormalizedText() @IsString() @MaxLength(1000) reason?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NormalizedText } from '@bridges/platform';

/** An optional reason, for cancellations and rejections. */
export class ReasonDto {
  @ApiPropertyOptional() @IsOptional() @NormalizedText() @IsString() @MaxLength(1000) reason?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AidRequestStatus } from '@bridges/contracts';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';

const ACTIONS = [AidRequestStatus.Open, AidRequestStatus.Closed, AidRequestStatus.Cancelled] as const;

/** What people do to a request: publish (open), close or cancel. */
export class ChangeAidRequestStatusDto {
  @ApiProperty({ enum: ACTIONS }) @IsIn(ACTIONS) status: (typeof ACTIONS)[number];

  @ApiPropertyOptional({ description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '../../digest';
import { NOTIFICATION_CHANNELS } from '../../preferences';

/** A recipient's choices; fields left out keep their value. */
export class UpdatePreferencesDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS, isArray: true, description: 'Channels switched off' })
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS, { each: true })
  @ArrayMaxSize(NOTIFICATION_CHANNELS.length)
  disabledChannels?: string[];

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    example: ['email:matching.proposals-digest'],
    description: '`<channel>:<templateId>` switched off',
  })
  @IsOptional()
  @IsString({ each: true })
  @Matches(/^(email|webhook|inbox):[a-z0-9.-]{1,100}$/, {
    each: true,
    message: 'each must look like email:matching.proposals-digest',
  })
  @ArrayMaxSize(50)
  disabledTemplates?: string[];

  @ApiPropertyOptional({ enum: DIGEST_FREQUENCIES })
  @IsOptional()
  @IsIn(DIGEST_FREQUENCIES)
  digestFrequency?: DigestFrequency;
}

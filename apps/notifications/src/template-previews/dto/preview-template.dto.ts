import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** Which language to preview a template in. */
export class PreviewTemplateDto {
  @ApiProperty({ example: 'uk', description: 'One of the template’s languages (GET /templates lists them)' })
  @Matches(/^[a-z]{2}$/, { message: 'locale must be a two-letter language code such as uk or en' })
  locale: string;
}

import { ApiProperty } from '@nestjs/swagger';

/** A template the service ships, and the languages it is written in. */
export class TemplateSummaryDto {
  @ApiProperty({ example: 'partnership.established' }) id: string;
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty({ example: ['uk', 'en', 'pl', 'de', 'sk'] }) locales: string[];
}

/** One template rendered in one language with its sample data, exactly as an email would be. */
export class TemplatePreviewDto {
  @ApiProperty() templateId: string;
  @ApiProperty() templateVersion: number;
  @ApiProperty({ example: 'uk' }) locale: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'The plain-text part' }) text: string;
  @ApiProperty({ description: 'The HTML part (a whole document)' }) html: string;
}

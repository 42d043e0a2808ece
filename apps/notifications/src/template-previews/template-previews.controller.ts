import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@bridges/platform';
import { TEMPLATE_SAMPLES, TemplateRegistry } from '../templates';
import { PreviewTemplateDto } from './dto/preview-template.dto';
import { TemplatePreviewDto, TemplateSummaryDto } from './dto/template-views.dto';
import { localeNotTranslated, TemplateNotFoundError } from './template-previews.errors';

/** What each email looks like in each language, rendered from the templates' own sample data. */
@ApiTags('templates')
@Roles(Role.NotificationsAdmin)
@Controller('templates')
export class TemplatePreviewsController {
  constructor(private readonly templates: TemplateRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Every template with its version and languages' })
  @ApiOkResponse({ type: TemplateSummaryDto, isArray: true })
  list(): TemplateSummaryDto[] {
    return this.templates.ids().map((id) => {
      const { version, locales } = this.templates.get(id);
      return { id, version, locales: [...locales] };
    });
  }

  @Get(':id/preview')
  @ApiOperation({ summary: 'The template rendered in one of its languages with sample data' })
  @ApiOkResponse({ type: TemplatePreviewDto })
  preview(@Param('id') id: string, @Query() query: PreviewTemplateDto): TemplatePreviewDto {
    const sample = TEMPLATE_SAMPLES[id];
    if (!this.templates.has(id) || !sample) throw new TemplateNotFoundError(id);
    const { locales } = this.templates.get(id);
    // Previews show the asked language or nothing: the registry's fallback to English would hide a gap.
    if (!locales.includes(query.locale)) throw localeNotTranslated(id, locales);
    const { templateId, templateVersion, locale, subject, text, html } = this.templates.render(
      id,
      sample(),
      query.locale,
    );
    return { templateId, templateVersion, locale, subject, text, html };
  }
}

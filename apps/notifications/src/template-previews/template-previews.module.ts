import { Module } from '@nestjs/common';
import { TEMPLATE_REGISTRY_PROVIDER } from '../common/template-registry.provider';
import { TemplatePreviewsController } from './template-previews.controller';

/** Template previews for the console (GET /templates, GET /templates/:id/preview). */
@Module({
  providers: [TEMPLATE_REGISTRY_PROVIDER],
  controllers: [TemplatePreviewsController],
})
export class TemplatePreviewsModule {}

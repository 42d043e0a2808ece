import { Module } from '@nestjs/common';
import { MunicipalitySummariesController } from './municipality-summaries.controller';

/** Read-only names and centres for the console (see the controller). */
@Module({ controllers: [MunicipalitySummariesController] })
export class MunicipalitySummariesModule {}

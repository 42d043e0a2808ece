import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { MunicipalityImportService } from './municipality-import.service';
import { RegistryImportRunner } from './registry-import.runner';

/** Bulk import of the real data sets through the profile rules and the outbox. */
@Module({
  imports: [MunicipalitiesModule],
  providers: [MunicipalityImportService, RegistryImportRunner],
  exports: [RegistryImportRunner],
})
export class MunicipalityImportModule {}

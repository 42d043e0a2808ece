import { Module } from '@nestjs/common';
import { MunicipalityImportModule } from '../import/municipality-import.module';
import { ImportRunsController } from './import-runs.controller';
import { ImportRunsService } from './import-runs.service';

/** Import runs over HTTP: the shipped data imported in the background, with progress. */
@Module({
  imports: [MunicipalityImportModule],
  controllers: [ImportRunsController],
  providers: [ImportRunsService],
})
export class ImportRunsModule {}

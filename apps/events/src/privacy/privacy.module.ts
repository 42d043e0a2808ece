import { Module } from '@nestjs/common';
import { PersonalDataPurgeWorker } from './personal-data-purge.worker';

/** Erases participants' personal data after the retention period. */
@Module({ providers: [PersonalDataPurgeWorker], exports: [PersonalDataPurgeWorker] })
export class PrivacyModule {}

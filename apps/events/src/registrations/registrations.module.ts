import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { OfferExpiryWorker } from './offer-expiry.worker';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';

/** Registrations, seats, the waiting list's offers and their expiry. */
@Module({
  imports: [EventsModule],
  controllers: [RegistrationsController],
  providers: [RegistrationsService, OfferExpiryWorker],
  exports: [RegistrationsService, OfferExpiryWorker],
})
export class RegistrationsModule {}

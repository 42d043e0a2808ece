import { Module } from '@nestjs/common';
import { CheckInCodes } from '../check-in/check-in-code';
import { EventsEnv } from '../config/events.env';
import { SeatLedgerRepository } from '../seats/seat-ledger.repository';
import { WaitlistService } from '../seats/waitlist.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/** Events and their seat accounts; the seat ledger, waiting list and check-in codes are shared with the other features. */
@Module({
  controllers: [EventsController],
  providers: [
    EventsService,
    SeatLedgerRepository,
    WaitlistService,
    {
      provide: CheckInCodes,
      inject: [EventsEnv],
      // Validated at boot: required in production, the development key elsewhere.
      useFactory: (env: EventsEnv) => new CheckInCodes(env.EVENTS_CHECK_IN_SECRET!),
    },
  ],
  exports: [EventsService, SeatLedgerRepository, WaitlistService, CheckInCodes],
})
export class EventsModule {}

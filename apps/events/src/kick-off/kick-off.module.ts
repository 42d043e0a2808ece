import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { KickOffConsumer } from './kick-off.consumer';
import { KickOffService } from './kick-off.service';

/** Drafts a kick-off meeting for every partnership matching establishes. */
@Module({ imports: [EventsModule], controllers: [KickOffConsumer], providers: [KickOffService] })
export class KickOffModule {}

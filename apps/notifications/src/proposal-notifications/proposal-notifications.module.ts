import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { InboxModule } from '../inbox/inbox.module';
import { RecipientPreferencesModule } from '../recipient-preferences/recipient-preferences.module';
import { ProposalDigestScheduler } from './proposal-digest.scheduler';
import { ProposalNotificationsConsumer } from './proposal-notifications.consumer';
import { ProposalNotificationsService } from './proposal-notifications.service';

/** Match proposals: inbox items at once, emails batched into one digest per recipient. */
@Module({
  imports: [DeliveriesModule, DirectoryModule, InboxModule, RecipientPreferencesModule],
  controllers: [ProposalNotificationsConsumer],
  providers: [ProposalNotificationsService, ProposalDigestScheduler],
  exports: [ProposalDigestScheduler],
})
export class ProposalNotificationsModule {}

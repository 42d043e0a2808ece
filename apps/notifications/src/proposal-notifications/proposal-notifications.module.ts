import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { InboxModule } from '../inbox/inbox.module';
import { RecipientPreferencesModule } from '../recipient-preferences/recipient-preferences.module';
import { ProposalDigestScheduler } from './proposal-digest.scheduler';
import { ProposalNotificationsConsumer } from './proposal-notifications.consumer';
import { ProposalDigestComposer } from './proposal-digest.composer';
import { ProposalNotificationsService } from './proposal-notifications.service';
import { ProposalOutcomesService } from './proposal-outcomes.service';

/** Match proposals: inbox items at once, emails batched into one digest per recipient of what is still open. */
@Module({
  imports: [DeliveriesModule, DirectoryModule, InboxModule, RecipientPreferencesModule],
  controllers: [ProposalNotificationsConsumer],
  providers: [
    ProposalNotificationsService,
    ProposalDigestScheduler,
    ProposalDigestComposer,
    ProposalOutcomesService,
  ],
  exports: [ProposalDigestScheduler, ProposalOutcomesService],
})
export class ProposalNotificationsModule {}

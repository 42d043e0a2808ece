import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { RegistryDirectoryConsumer } from './directory.consumer';
import { DirectoryService } from './directory.service';
import { RecipientsController } from './recipients.controller';
import { RecipientsService } from './recipients.service';

/** Recipients and municipality summaries, projected from the registry and managed by admins. */
@Module({
  imports: [DeliveriesModule],
  controllers: [RegistryDirectoryConsumer, RecipientsController],
  providers: [DirectoryService, RecipientsService],
  exports: [DirectoryService],
})
export class DirectoryModule {}

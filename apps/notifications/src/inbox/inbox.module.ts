import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';

/** Console notifications: list, unread count, mark read. */
@Module({
  imports: [DirectoryModule],
  controllers: [InboxController],
  providers: [InboxService],
  exports: [InboxService],
})
export class InboxModule {}

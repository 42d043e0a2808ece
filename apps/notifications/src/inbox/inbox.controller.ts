import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@bridges/platform';
import { PageQueryDto, type Page } from '@bridges/platform';
import type { InboxItemEntity } from './inbox-item.entity';
import { InboxService } from './inbox.service';

/** The caller's console notifications (their own, and their municipality's for officers). */
@ApiTags('inbox')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: "The caller's notifications, newest first" })
  list(@CurrentUser() user: AuthenticatedUser, @Query() page: PageQueryDto): Promise<Page<InboxItemEntity>> {
    return this.inbox.list(user, page);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of them are unread' })
  unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<{ unread: number }> {
    return this.inbox.unreadCount(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one read' })
  markRead(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InboxItemEntity> {
    return this.inbox.markRead(user, id);
  }
}

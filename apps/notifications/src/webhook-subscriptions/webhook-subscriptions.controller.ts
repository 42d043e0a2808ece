import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import { CreateWebhookSubscriptionDto } from './dto/create-webhook-subscription.dto';
import type { WebhookSubscriptionView } from './webhook-subscription.view';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** Signed webhooks to association systems (see apps/notifications/docs for the verification recipe). */
@ApiTags('webhook-subscriptions')
@Roles(Role.NotificationsAdmin)
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(private readonly subscriptions: WebhookSubscriptionsService) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe an association endpoint; the answer shows the signing secret once' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionView & { secret: string }> {
    return this.subscriptions.create(user, dto);
  }

  @Get()
  @ApiQuery({ name: 'associationId', required: false })
  @ApiOperation({ summary: 'Subscriptions, optionally of one association' })
  list(
    @Query('associationId', new ParseUUIDPipe({ optional: true })) associationId?: string,
  ): Promise<WebhookSubscriptionView[]> {
    return this.subscriptions.list(associationId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription with its health' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookSubscriptionView> {
    return this.subscriptions.get(id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-enable after repeated failures; waiting deliveries go out at once' })
  enable(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookSubscriptionView> {
    return this.subscriptions.enable(id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause deliveries; they wait until the subscription is enabled again' })
  disable(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<WebhookSubscriptionView> {
    return this.subscriptions.disable(id, user);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription; its waiting deliveries fail' })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.subscriptions.remove(id);
  }
}

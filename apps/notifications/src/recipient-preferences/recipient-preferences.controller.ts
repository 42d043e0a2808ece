import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@bridges/platform';
import { UpdatePreferencesDto } from './dto/update-preferences.dto';
import { RecipientPreferencesService, type PreferencesView } from './recipient-preferences.service';

/** Preferences of a recipient: notifications admins, or the console user themselves. */
@ApiTags('preferences')
@Controller('recipients/:recipientId/preferences')
export class RecipientPreferencesController {
  constructor(private readonly preferences: RecipientPreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'Channels and templates switched off, and digest frequency' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('recipientId') recipientId: string,
  ): Promise<PreferencesView> {
    return this.preferences.get(user, recipientId);
  }

  @Put()
  @ApiOperation({ summary: 'Change them (fields left out keep their value)' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('recipientId') recipientId: string,
    @Body() dto: UpdatePreferencesDto,
  ): Promise<PreferencesView> {
    return this.preferences.update(user, recipientId, dto);
  }
}

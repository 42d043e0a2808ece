import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@Roles(Role.EventsCoordinator)
@Controller('events/:eventId')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('participants.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="participants.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Participant list for organisers (personal data: events coordinators only)' })
  participants(
    @CurrentUser() user: AuthenticatedUser,
    @Param('eventId', ParseUUIDPipe) eventId: string,
  ): Promise<string> {
    return this.exports.participantsCsv(user, eventId);
  }
}

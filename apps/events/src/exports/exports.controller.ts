import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@Roles(Role.EventsCoordinator)
@Controller('events/:eventId')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('participants.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Participant list for organisers (personal data: events coordinators only)' })
  async participants(
    @CurrentUser() user: AuthenticatedUser,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.exports.participantsCsv(user, eventId);
    // Set only on success (a @Header would label an error's JSON as CSV too).
    res.type('text/csv; charset=utf-8').attachment('participants.csv');
    return csv;
  }
}

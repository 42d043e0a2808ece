import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import { CheckInService, type AttendanceRow, type CheckInResult } from './check-in.service';
import { CheckInDto } from './dto/check-in.dto';

/** Check-in at the door (events staff, with the coordinator role) and attendance. */
@ApiTags('check-in')
@Roles(Role.EventsCoordinator)
@Controller('events/:eventId')
export class CheckInController {
  constructor(private readonly checkIns: CheckInService) {}

  @Post('check-ins')
  @HttpCode(200)
  @ApiOperation({ summary: 'Scan a ticket code: checked-in, or already-checked-in with the first time' })
  checkIn(
    @CurrentUser() user: AuthenticatedUser,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() dto: CheckInDto,
  ): Promise<CheckInResult> {
    return this.checkIns.checkIn(user, eventId, dto.code);
  }

  @Get('attendance')
  @ApiOperation({ summary: 'Confirmed and checked-in people per country and delegation' })
  attendance(
    @CurrentUser() user: AuthenticatedUser,
    @Param('eventId', ParseUUIDPipe) eventId: string,
  ): Promise<AttendanceRow[]> {
    return this.checkIns.attendance(user, eventId);
  }
}

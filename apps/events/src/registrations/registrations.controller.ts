import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser, type Page } from '@bridges/platform';
import { ListRegistrationsDto } from './dto/list-registrations.dto';
import { RegisterDto } from './dto/register.dto';
import { SubstituteParticipantDto } from './dto/substitute-participant.dto';
import type { RegistrationView } from './registration.mapper';
import { RegistrationsService } from './registrations.service';

/** Registrations of delegations and individuals, and every step of their participants' seats. */
@ApiTags('registrations')
@Roles(Role.EventsCoordinator, Role.MunicipalityOfficer)
@Controller()
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post('events/:eventId/registrations')
  @ApiOperation({
    summary:
      'Register a delegation or a person: each participant gets a seat (confirmed, or pending approval) or joins the waiting list',
  })
  register(
    @CurrentUser() user: AuthenticatedUser,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() dto: RegisterDto,
  ): Promise<RegistrationView> {
    return this.registrations.register(user, eventId, dto);
  }

  @Get('events/:eventId/registrations')
  @ApiOperation({
    summary: 'Registrations of an event: all for coordinators, an officer’s own municipality’s only',
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Query() query: ListRegistrationsDto,
  ): Promise<Page<RegistrationView>> {
    return this.registrations.listForEvent(user, eventId, query);
  }

  @Get('registrations/:id')
  @ApiOperation({
    summary: 'One registration with its participants (waitlist places, offers, codes of confirmed seats)',
  })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RegistrationView> {
    return this.registrations.get(user, id);
  }

  @Post('registrations/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel everyone of the registration; freed seats are offered to the waiting list',
  })
  cancelAll(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RegistrationView> {
    return this.registrations.cancel(user, id);
  }

  @Post('registrations/:id/participants/:participantId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel one participant; a freed seat is offered to the next eligible person' })
  cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
  ): Promise<RegistrationView> {
    return this.registrations.cancel(user, id, participantId);
  }

  @Post('registrations/:id/participants/:participantId/accept-offer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an offered seat before its deadline' })
  acceptOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
  ): Promise<RegistrationView> {
    return this.registrations.acceptOffer(user, id, participantId);
  }

  @Post('registrations/:id/participants/:participantId/decline-offer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an offered seat; it moves to the next eligible person' })
  declineOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
  ): Promise<RegistrationView> {
    return this.registrations.declineOffer(user, id, participantId);
  }

  @Post('registrations/:id/participants/:participantId/approve')
  @HttpCode(200)
  @Roles(Role.EventsCoordinator)
  @ApiOperation({ summary: 'Approve a pending participant (events that need approval)' })
  approve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
  ): Promise<RegistrationView> {
    return this.registrations.approve(user, id, participantId);
  }

  @Post('registrations/:id/participants/:participantId/reject')
  @HttpCode(200)
  @Roles(Role.EventsCoordinator)
  @ApiOperation({ summary: 'Reject a pending participant; the seat is offered on' })
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
  ): Promise<RegistrationView> {
    return this.registrations.reject(user, id, participantId);
  }

  @Put('registrations/:id/participants/:participantId')
  @ApiOperation({
    summary: 'Substitute a delegate: another person takes the same seat (a new check-in code is issued)',
  })
  substitute(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() dto: SubstituteParticipantDto,
  ): Promise<RegistrationView> {
    return this.registrations.substitute(user, id, participantId, dto);
  }

  @Delete('registrations/:id/participants/:participantId/personal-data')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erase a participant’s personal data on request (a seat they held is freed)' })
  erase(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
  ): Promise<RegistrationView> {
    return this.registrations.erase(user, id, participantId);
  }

  @Get('registrations/:id/participants/:participantId/ticket')
  @ApiOperation({
    summary:
      'Ticket: the check-in code and, for online events, the link — both only once the seat is confirmed',
  })
  ticket(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
  ) {
    return this.registrations.ticket(user, id, participantId);
  }

  @Get('registrations/:id/participants/:participantId/ticket.svg')
  @ApiProduces('image/svg+xml')
  @ApiOperation({
    summary: 'The ticket’s QR code (SVG) encoding the check-in code; confirmed seats only (else 409)',
  })
  async ticketQr(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const svg = await this.registrations.ticketQrSvg(user, id, participantId);
    // Set only on success: an error keeps its JSON content type.
    res.type('image/svg+xml');
    return svg;
  }
}

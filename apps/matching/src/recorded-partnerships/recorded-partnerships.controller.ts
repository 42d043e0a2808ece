import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import type { PartnershipEntity } from '../partnerships/partnership.entity';
import { RecordPartnershipDto } from './dto/record-partnership.dto';
import { RecordedPartnershipsService } from './recorded-partnerships.service';

/** Coordinators record partnerships that were formed before or outside Bridges. */
@ApiTags('partnerships')
@Roles(Role.MatchingCoordinator)
@Controller('partnerships')
export class RecordedPartnershipsController {
  constructor(private readonly recorded: RecordedPartnershipsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a partnership formed before or outside Bridges (origin "recorded"); 409 when the pair has a live one or a side is full',
  })
  record(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: RecordPartnershipDto,
  ): Promise<PartnershipEntity> {
    return this.recorded.record(user, dto);
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import { MunicipalitySummaries } from '../municipality-summaries/municipality-summaries.service';
import { PartnershipResponseDto } from '../partnerships/dto/partnership-response.dto';
import { partyIds, toPartnershipView } from '../partnerships/partnership.view';
import { RecordPartnershipDto } from './dto/record-partnership.dto';
import { RecordedPartnershipsService } from './recorded-partnerships.service';

/** Coordinators record partnerships that were formed before or outside Bridges. */
@ApiTags('partnerships')
@Roles(Role.MatchingCoordinator)
@Controller('partnerships')
export class RecordedPartnershipsController {
  constructor(
    private readonly recorded: RecordedPartnershipsService,
    private readonly summaries: MunicipalitySummaries,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a partnership formed before or outside Bridges (origin "recorded"); 409 when the pair has a live one or a side is full',
  })
  @ApiCreatedResponse({ type: PartnershipResponseDto })
  async record(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: RecordPartnershipDto,
  ): Promise<PartnershipResponseDto> {
    const p = await this.recorded.record(user, dto);
    return toPartnershipView(p, await this.summaries.byIds(partyIds([p])));
  }
}

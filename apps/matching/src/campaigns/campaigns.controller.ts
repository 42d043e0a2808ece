import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@bridges/platform';
import type { CampaignEntity } from './campaign.entity';
import { CampaignsService } from './campaigns.service';
import { CampaignResponseDto } from './dto/campaign.response.dto';
import { CreateCampaignDto } from './dto/create-campaign.dto';

/** Matching campaigns (eligibility and weights). */
@ApiTags('campaigns')
@Roles(Role.MatchingCoordinator)
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @Roles(Role.MatchingCoordinator, Role.MunicipalityOfficer)
  @ApiOperation({ summary: 'Every campaign with its eligibility and weights' })
  @ApiOkResponse({ type: [CampaignResponseDto] })
  list(): Promise<CampaignEntity[]> {
    return this.campaigns.list();
  }

  @Get(':id')
  @Roles(Role.MatchingCoordinator, Role.MunicipalityOfficer)
  @ApiOkResponse({ type: CampaignResponseDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignEntity> {
    return this.campaigns.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create an active campaign (defaults for everything not given)' })
  @ApiCreatedResponse({ type: CampaignResponseDto })
  create(@Body() dto: CreateCampaignDto): Promise<CampaignEntity> {
    return this.campaigns.create(dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a campaign: no more proposals or rounds in it' })
  @ApiOkResponse({ type: CampaignResponseDto })
  close(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignEntity> {
    return this.campaigns.close(id);
  }
}
